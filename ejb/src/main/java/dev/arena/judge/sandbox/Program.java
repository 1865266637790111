package dev.arena.judge.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a sandbox runs, once or once per input.
 *
 * @param command       argv inside the sandbox (PATH is /usr/local/bin:/usr/bin:/bin); must not contain
 *                      line breaks. {@code python3 -B} followed by a script or {@code -c} runs in a fork
 *                      of the sandbox's runner, which is that interpreter already started
 * @param box           host directory mounted at /box, the working directory; it and its parents must be
 *                      searchable by the slot uid, and the sandbox uses its sibling {@code <box>.io}
 * @param writableBox   whether /box is writable (compile steps) or read-only (test runs)
 * @param readOnlyPaths further host paths bound read-only at the same place (a JDK outside /usr)
 * @param environment   variables set inside (the environment is otherwise empty)
 * @param limits        limits of every run
 */
public record Program(List<String> command, Path box, boolean writableBox, List<Path> readOnlyPaths,
                      Map<String, String> environment, Limits limits) {

    public Program {
        command = checked(command);
        readOnlyPaths = List.copyOf(readOnlyPaths);
        environment = Map.copyOf(environment);
    }

    /** The runner reads a command as one line of NUL-separated words. */
    static List<String> checked(List<String> command) {
        if (command.isEmpty() || command.stream().anyMatch(arg -> arg.indexOf('\n') >= 0 || arg.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("command must be non-empty, without line breaks or NULs: " + command);
        }
        return List.copyOf(command);
    }
}
