package dev.arena.judge.problem;

/** A catalog entry as listed publicly. */
public record ProblemSummary(String id, String title, String difficulty) {
}
