package dev.arena.judge.submission;

/** Where a submission is in its life: {@code QUEUED -> RUNNING -> DONE}. */
public enum Status {
    QUEUED,
    RUNNING,
    DONE
}
