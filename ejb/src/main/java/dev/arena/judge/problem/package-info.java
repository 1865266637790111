/**
 * The problem catalog: problems read from a directory (one folder per problem id, format in
 * docs/judge.md), their public views and their hidden tests.
 *
 * <p>Depends only on {@code dev.arena.judge.check} (a problem names its checker) and JSON-P; must
 * not depend on the sandbox or on languages.
 */
package dev.arena.judge.problem;
