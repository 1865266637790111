/**
 * The sandbox: runs a program under bubblewrap as a non-root slot uid, with rlimits per run and the
 * slot's cgroup (v1 or v2, detected at start-up; rlimits only where cgroups cannot be created), and
 * reports exit status, CPU time, peak memory and which limit stopped it. One sandbox start serves
 * many runs of one program ({@link dev.arena.judge.sandbox.Session}); a runner inside starts each run.
 *
 * <p>Knows nothing of problems, languages or verdicts; must not depend on other judge packages.
 */
package dev.arena.judge.sandbox;
