package dev.arena.judge.worker;

/** What one worker is doing: the submission it is judging, or null when idle. */
public record WorkerState(String worker, String submission) {
}
