package dev.arena.judge.sandbox;

import java.util.List;
import java.nio.file.Path;

/**
 * One cgroup (or one set of v1 cgroups, one per controller) created for a single sandbox run.
 * Not thread-safe: owned by the thread that runs the sandbox. {@link #close()} kills whatever is
 * still inside and removes the group; it never throws.
 */
interface ControlGroup extends AutoCloseable {

    /** The {@code cgroup.procs} files a process writes its pid to, to join this group. */
    List<Path> procsFiles();

    /** CPU time used by every process that ever ran in the group, in nanoseconds; -1 if unknown. */
    long cpuNanos();

    /** Peak memory usage in bytes; 0 if unknown. */
    long peakMemoryBytes();

    /** Whether the kernel's OOM killer struck inside the group. */
    boolean oomKilled();

    /** Sends SIGKILL to every process in the group. */
    void killAll();

    @Override
    void close();
}
