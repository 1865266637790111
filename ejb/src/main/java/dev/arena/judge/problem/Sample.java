package dev.arena.judge.problem;

/** A test shown in the statement. */
public record Sample(String input, String output) {
}
