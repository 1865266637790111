package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the cgroups sandboxes run in. Implementations are thread-safe; {@link #detect()} picks
 * cgroup v1 (memory, pids and cpuacct controllers, each nested under this process's own cgroup),
 * cgroup v2 (a child of this process's cgroup with memory and pids enabled), or none.
 */
sealed interface Cgroups permits CgroupV1, CgroupV2, Cgroups.None {

    Logger LOG = Logger.getLogger(Cgroups.class.getName());

    /**
     * Creates a group, or takes over an empty one of that name left by an earlier process.
     *
     * @param name        directory name, unique on the host while the group lives
     * @param memoryBytes memory limit (RAM; swap is denied where the kernel lets us)
     * @param maxTasks    limit on processes plus threads
     */
    ControlGroup create(String name, long memoryBytes, int maxTasks) throws IOException;

    boolean available();

    /**
     * Whether a group may hold one sandbox after another: true where its peak memory can be reset
     * (v1). Elsewhere each sandbox gets a fresh group, so that its peak is its own.
     */
    boolean reusable();

    String describe();

    /** Detects what this host offers by creating and removing a probe group. Never throws. */
    static Cgroups detect() {
        List<CgroupMounts.Mount> mounts = CgroupMounts.read();
        for (Cgroups candidate : java.util.Arrays.asList(CgroupV1.find(mounts), CgroupV2.find(mounts))) {
            if (candidate == null) {
                continue;
            }
            String probe = "arena-judge-probe-" + ProcessHandle.current().pid();
            try (ControlGroup group = candidate.create(probe, 64L << 20, 8)) {
                LOG.log(Level.FINE, "cgroup probe ok: {0}", group.procsFiles());
                return candidate;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cgroups unusable ({0}): {1}", new Object[]{candidate.describe(), e.toString()});
            }
        }
        return new None();
    }

    /** No cgroups: limits fall back to rlimits, memory is not measured, time is wall time. */
    record None() implements Cgroups {
        @Override
        public ControlGroup create(String name, long memoryBytes, int maxTasks) {
            return new ControlGroup() {
                @Override
                public List<Path> procsFiles() {
                    return List.of();
                }

                @Override
                public void add(long pid) {
                    // No group to join.
                }

                @Override
                public void prepare(long bytes, int tasks) {
                    // Nothing to limit: rlimits only.
                }

                @Override
                public void limit(long bytes, int tasks) {
                    // Nothing to limit: rlimits only.
                }

                @Override
                public boolean isEmpty() {
                    return true;
                }

                @Override
                public long cpuNanos() {
                    return -1;
                }

                @Override
                public long memoryBytes() {
                    return 0;
                }

                @Override
                public long peakMemoryBytes() {
                    return 0;
                }

                @Override
                public void resetPeak() {
                    // Not measured.
                }

                @Override
                public long oomKills() {
                    return 0;
                }

                @Override
                public void killAll() {
                    // Nothing to do: the slot reaper kills by uid.
                }

                @Override
                public void close() {
                    // Nothing was created.
                }
            };
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public boolean reusable() {
            return false;
        }

        @Override
        public String describe() {
            return "no cgroups (rlimits only, wall time, memory not measured)";
        }
    }

    static long readLong(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Reads {@code key value} lines (memory.events, cpu.stat, memory.oom_control). */
    static long readKeyed(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }

    /** Whether a {@code cgroup.procs} file lists no process (an unreadable one counts as not empty). */
    static boolean listsNothing(Path procsFile) {
        try {
            return Files.readString(procsFile).isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills what the group holds until it is empty, for at most a second. */
    static boolean empty(ControlGroup group) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!group.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            group.killAll();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Kills every pid listed in a {@code cgroup.procs} file. */
    static void killListed(Path procsFile) {
        try {
            for (String line : Files.readAllLines(procsFile)) {
                if (!line.isBlank()) {
                    ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.FINE, "cannot list {0}: {1}", new Object[]{procsFile, e.toString()});
        }
    }

    /**
     * Removes a cgroup directory, waiting a little for killed processes to leave it (the kernel
     * refuses rmdir while tasks remain).
     */
    static void remove(Path dir, Path procsFile) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            killListed(procsFile);
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    LOG.log(Level.WARNING, "cannot remove cgroup {0}: {1}", new Object[]{dir, e.toString()});
                    return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
