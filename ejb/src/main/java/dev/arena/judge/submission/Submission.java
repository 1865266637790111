package dev.arena.judge.submission;

import dev.arena.judge.TestResult;
import dev.arena.judge.Verdict;
import java.util.List;

/**
 * The public record of one submission (PROTOCOL.md, {@code GET /api/submissions/{id}}); the code itself is
 * stored beside it and not part of it.
 *
 * @param verdict   null until {@code DONE}
 * @param message   why an {@code INTERNAL_ERROR} happened, otherwise null
 * @param createdAt epoch milliseconds
 * @param finishedAt epoch milliseconds, null until {@code DONE}
 */
public record Submission(String id, String problemId, String language, String user, Status status,
                         Verdict verdict, int passed, int total, long timeMs, long memoryKb, String compileOutput,
                         List<TestResult> tests, long createdAt, Long finishedAt, String message) {

    public Submission {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    public static Submission queued(String id, String problemId, String language, String user, int total,
                                    long createdAt) {
        return new Submission(id, problemId, language, user, Status.QUEUED, null, 0, total, 0, 0, "", List.of(),
                createdAt, null, null);
    }
}
