package dev.arena.judge.sandbox;

/**
 * Resource limits of one sandbox run.
 *
 * @param cpuTimeMs         CPU time of all processes together (cgroup); each process also gets
 *                          an RLIMIT_CPU of this rounded up to whole seconds plus one
 * @param wallTimeMs        real time after which the whole sandbox is killed
 * @param memoryBytes       memory cgroup limit (RAM, no swap)
 * @param addressSpaceBytes RLIMIT_AS per process, 0 for none (runtimes that reserve huge virtual
 *                          areas, like the JVM and V8, rely on the cgroup instead)
 * @param maxTasks          processes plus threads (pids cgroup, and RLIMIT_NPROC of the slot uid)
 * @param fileSizeBytes     RLIMIT_FSIZE: the largest file the program can write, stdout included
 * @param tmpBytes          size of the private tmpfs mounted at /tmp and /dev/shm
 */
public record Limits(long cpuTimeMs, long wallTimeMs, long memoryBytes, long addressSpaceBytes,
                     int maxTasks, long fileSizeBytes, long tmpBytes) {

    public Limits {
        if (cpuTimeMs <= 0 || wallTimeMs <= 0 || memoryBytes <= 0 || maxTasks <= 0 || fileSizeBytes <= 0
                || tmpBytes <= 0 || addressSpaceBytes < 0) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
    }
}
