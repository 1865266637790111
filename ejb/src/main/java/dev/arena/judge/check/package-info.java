/**
 * Output checkers: pure functions from (expected answer, program output) to accepted or not.
 * Must not depend on the sandbox, on languages or on any I/O.
 */
package dev.arena.judge.check;
