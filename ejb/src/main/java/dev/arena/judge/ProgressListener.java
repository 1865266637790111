package dev.arena.judge;

/**
 * Told about every finished test while a judging runs. Called on the judging thread, so an
 * implementation must return quickly and must not throw; an exception is logged and ignored.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (index, verdict) -> { };

    /**
     * @param index   1-based index of the test just finished
     * @param verdict that test's verdict
     */
    void testFinished(int index, Verdict verdict);
}
