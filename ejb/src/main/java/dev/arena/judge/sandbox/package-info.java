/**
 * The sandbox: runs one command under bubblewrap as a non-root slot uid, with rlimits and a fresh
 * cgroup per run (v1 or v2, detected at start-up; rlimits only where cgroups cannot be created),
 * and reports exit status, CPU time, peak memory and which limit stopped it.
 *
 * <p>Knows nothing of problems, languages or verdicts; must not depend on other judge packages.
 */
package dev.arena.judge.sandbox;
