package dev.arena.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Repeats an attempt until it yields a value or a deadline passes. For conditions that
 * become true at a time the test cannot know (an instance dropping a dead member, Redis
 * coming back): the wait is bounded and ends as soon as the condition holds.
 */
final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {
    }

    /**
     * Calls {@code attempt} every 200 ms until it returns a present value, and returns
     * that value. An exception from an attempt counts as "not yet" and is kept for the
     * failure message.
     *
     * @throws AssertionError naming {@code what} and the last observation when the
     *         deadline passes
     */
    static <T> T until(String what, Duration timeout, Callable<Optional<T>> attempt) {
        return until(what, timeout, INTERVAL, attempt);
    }

    /**
     * Like {@link #until(String, Duration, Callable)} with attempts {@code interval} apart,
     * for attempts that are too costly to repeat five times a second.
     */
    static <T> T until(String what, Duration timeout, Duration interval, Callable<Optional<T>> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable lastFailure = null;
        while (true) {
            try {
                Optional<T> result = attempt.call();
                if (result.isPresent()) {
                    return result.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception | AssertionError e) {
                lastFailure = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what
                        + (lastFailure == null ? "" : " (last attempt: " + lastFailure + ")"), lastFailure);
            }
            pause(Math.min(left, interval.toNanos()));
        }
    }

    /**
     * Calls {@code attempt} until it returns without throwing, and returns its value: the
     * attempt states what it expects with assertions, and the last failed one explains
     * the timeout.
     */
    static <T> T untilPasses(String what, Duration timeout, Callable<T> attempt) {
        return until(what, timeout, () -> Optional.ofNullable(attempt.call()));
    }

    /** Like {@link #until} for a yes/no condition. */
    static void untilTrue(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
