package dev.arena.judge.problem;

import java.nio.file.Path;

/**
 * One hidden test: files on disk, read when the test runs (large inputs stay out of the heap).
 *
 * @param index 1-based position in name order
 * @param name  file name without extension, e.g. {@code 01}
 */
public record TestCase(int index, String name, Path input, Path answer) {
}
