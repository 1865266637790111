package dev.arena.judge;

/**
 * Outcome of one test run or of a whole judging, as named in the public protocol.
 *
 * <p>The declaration order is the precedence: when two verdicts compete, the later constant wins
 * ({@link #worse(Verdict)}). Within one run the classifier checks the causes in the order
 * output cap, memory, time, exit status, checker, so a program that both overflowed its output and
 * crashed is reported as {@code OUTPUT_LIMIT_EXCEEDED}.
 */
public enum Verdict {
    ACCEPTED,
    WRONG_ANSWER,
    RUNTIME_ERROR,
    TIME_LIMIT_EXCEEDED,
    MEMORY_LIMIT_EXCEEDED,
    OUTPUT_LIMIT_EXCEEDED,
    COMPILATION_ERROR,
    INTERNAL_ERROR;

    /** Returns whichever of the two verdicts has the higher precedence. */
    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public boolean isAccepted() {
        return this == ACCEPTED;
    }
}
