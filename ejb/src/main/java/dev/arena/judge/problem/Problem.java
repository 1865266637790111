package dev.arena.judge.problem;

import dev.arena.judge.check.Checker;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded problem, hidden parts included. Immutable.
 *
 * @param checkerName as written in problem.json ({@code tokens} when absent)
 * @param solutions   reference solutions by language id (files under {@code solutions/})
 */
public record Problem(String id, String title, String difficulty, long timeLimitMs, int memoryLimitMb,
                      String checkerName, Checker checker, String statement, List<Sample> samples,
                      List<TestCase> tests, Map<String, Path> solutions, Path directory) {

    public Problem {
        samples = List.copyOf(samples);
        tests = List.copyOf(tests);
        solutions = Map.copyOf(solutions);
    }

    public ProblemSummary summary() {
        return new ProblemSummary(id, title, difficulty);
    }

    /** @param languages the languages a submission may use (the judge's enabled ones) */
    public ProblemView publicView(Collection<String> languages) {
        return new ProblemView(id, title, statement, timeLimitMs, memoryLimitMb, samples, List.copyOf(languages));
    }

    public Optional<Path> solution(String language) {
        return Optional.ofNullable(solutions.get(language));
    }
}
