package dev.arena.judge;

import dev.arena.judge.lang.LanguageRuntime;
import dev.arena.judge.sandbox.RunReport;

import java.util.function.BooleanSupplier;

/**
 * Turns one sandbox run into a verdict. The order of the checks matters: a program killed while
 * flooding stdout often dies of the file size signal or of its CPU limit (Java keeps retrying the
 * failed write), so the output cap is looked at first; a cgroup OOM kill or the runtime's own
 * out-of-memory message beats the time limit, which beats a bad exit status.
 */
final class RunClassifier {

    private RunClassifier() {
    }

    static Verdict classify(RunReport report, LanguageRuntime runtime, String stderrHead, BooleanSupplier answerAccepted) {
        if (report.sandboxFailed()) {
            return Verdict.INTERNAL_ERROR;
        }
        if (report.outputCapHit()) {
            return Verdict.OUTPUT_LIMIT_EXCEEDED;
        }
        if (report.oomKilled() || (report.exitCode() != 0 && runtime.reportsOutOfMemory(stderrHead))) {
            return Verdict.MEMORY_LIMIT_EXCEEDED;
        }
        if (report.cpuLimitHit() || report.wallLimitHit() || report.exitCode() == 128 + 24 /* SIGXCPU */) {
            return Verdict.TIME_LIMIT_EXCEEDED;
        }
        if (report.exitCode() != 0) {
            return Verdict.RUNTIME_ERROR;
        }
        return answerAccepted.getAsBoolean() ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER;
    }
}
