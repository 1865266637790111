package dev.arena.judge.sandbox;

import java.io.IOException;
import java.util.List;
import java.nio.file.Path;

/**
 * The cgroup (or one set of v1 cgroups, one per controller) of one slot, holding one sandbox at a
 * time. Counters are cumulative over the group's life: callers take differences around a run. Not
 * thread-safe: owned by the thread that runs the sandbox. {@link #close()} kills whatever is still
 * inside and removes the group; it never throws.
 */
interface ControlGroup extends AutoCloseable {

    /** The {@code cgroup.procs} files a process is written to, to join this group. */
    List<Path> procsFiles();

    /** Moves a process (a host pid) into the group, in every hierarchy. */
    void add(long pid) throws IOException;

    /**
     * Makes the group ready for a new sandbox: empty (killing what is left, within a second), limited,
     * counters reset where the kernel allows it.
     *
     * @throws IOException if it cannot be emptied or limited: the caller removes it and creates another
     */
    void prepare(long memoryBytes, int maxTasks) throws IOException;

    /** Sets the memory (RAM, no swap where the kernel lets us) and task limits. */
    void limit(long memoryBytes, int maxTasks) throws IOException;

    /** Whether no process is in the group (in any hierarchy). */
    boolean isEmpty();

    /** CPU time used by every process that ran in the group, in nanoseconds; -1 if unknown. */
    long cpuNanos();

    /** Memory charged to the group now, in bytes; 0 if unknown. */
    long memoryBytes();

    /** Peak memory since the last {@link #resetPeak()} (or since creation), in bytes; 0 if unknown. */
    long peakMemoryBytes();

    /** Starts a new peak from the current usage, where the kernel allows it (cgroup v1). */
    void resetPeak();

    /** How many times the kernel's OOM killer struck inside the group. */
    long oomKills();

    /** Sends SIGKILL to every process in the group. */
    void killAll();

    @Override
    void close();
}
