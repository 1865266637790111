package dev.arena.judge.sandbox;

/**
 * What happened in one sandbox run.
 *
 * @param exitCode        the program's exit status, or 128 + signal when a signal ended it
 * @param cpuLimitHit     the run was stopped because its processes together used up the CPU time
 * @param wallLimitHit    the run was stopped at the wall-clock limit
 * @param cpuTimeMs       CPU time of every process of the run (wall time where cgroups are missing)
 * @param wallTimeMs      real time from start to exit
 * @param peakMemoryBytes peak memory of the run's cgroup, 0 if not measured
 * @param oomKilled       the memory cgroup's OOM killer struck
 * @param sandboxFailed   the sandbox itself could not be set up (not the program's fault)
 * @param stdoutBytes     size of the captured stdout
 * @param outputCapHit    stdout reached the file size limit
 */
public record RunReport(int exitCode, boolean cpuLimitHit, boolean wallLimitHit, long cpuTimeMs, long wallTimeMs,
                        long peakMemoryBytes, boolean oomKilled, boolean sandboxFailed, long stdoutBytes,
                        boolean outputCapHit) {

    public boolean exitedCleanly() {
        return exitCode == 0 && !cpuLimitHit && !wallLimitHit;
    }
}
