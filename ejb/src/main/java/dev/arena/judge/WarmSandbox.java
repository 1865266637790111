package dev.arena.judge;

import dev.arena.judge.sandbox.Session;

/**
 * A slot's tests sandbox, started before the slot's next judging, in that judging's workspace. It serves
 * that one judging or none: every judging's programs start in a sandbox no other program has run in.
 * Closing it twice, or after its session or workspace was closed, does nothing more.
 */
record WarmSandbox(Workspace workspace, Session session) implements AutoCloseable {

    @Override
    public void close() {
        session.close();
        workspace.close();
    }
}
