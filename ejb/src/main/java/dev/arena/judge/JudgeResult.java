package dev.arena.judge;

import java.util.List;

/**
 * Outcome of one judging. Judging stops at the first test that is not accepted, so {@code tests}
 * holds the tests that ran and {@code passed <= tests.size() <= total}.
 *
 * @param verdict       overall verdict: {@code ACCEPTED} only when every test passed
 * @param passed        number of accepted tests
 * @param total         number of tests of the problem
 * @param timeMs        the largest time of the executed tests
 * @param memoryKb      the largest memory of the executed tests
 * @param compileOutput the compiler's diagnostics, truncated (empty when there were none)
 */
public record JudgeResult(Verdict verdict, int passed, int total, long timeMs, long memoryKb,
                          String compileOutput, List<TestResult> tests) {

    public JudgeResult {
        tests = List.copyOf(tests);
    }

    static JudgeResult failedBeforeTests(Verdict verdict, int total, String compileOutput) {
        return new JudgeResult(verdict, 0, total, 0, 0, compileOutput, List.of());
    }
}
