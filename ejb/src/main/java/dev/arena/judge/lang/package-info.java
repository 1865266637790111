/**
 * One declarative {@link dev.arena.judge.lang.LanguageRuntime} per supported language: source file
 * name, compile and run commands, and how the problem's limits are adjusted for the runtime.
 *
 * <p>Pure data: must not depend on the sandbox, on problems or on verdicts.
 */
package dev.arena.judge.lang;
