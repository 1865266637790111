package dev.arena.judge;

/**
 * One executed test.
 *
 * @param index    1-based position of the test in the problem's sorted test list
 * @param timeMs   CPU time (user + system, all processes of the run) or wall time where cgroups are missing
 * @param memoryKb peak memory of the run's cgroup, 0 where it cannot be measured
 */
public record TestResult(int index, Verdict verdict, long timeMs, long memoryKb) {
}
