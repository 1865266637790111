package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * cgroup v2: a child of this process's cgroup with the memory and pids controllers enabled. A group
 * holds one sandbox only (not {@link #reusable()}): {@code memory.peak} cannot be reset on every
 * kernel, so a fresh group is what keeps each sandbox's peak its own.
 *
 * <p>v2 forbids enabling controllers for children of a group that still holds processes, so when
 * the parent is not ready the JVM moves itself into a leaf {@code <own>/arena-main} first.
 */
record CgroupV2(Path parent) implements Cgroups {

    static CgroupV2 find(List<CgroupMounts.Mount> mounts) {
        for (CgroupMounts.Mount mount : mounts) {
            if (mount.unified() && Files.exists(mount.ownDir().resolve("cgroup.controllers"))) {
                try {
                    String controllers = Files.readString(mount.ownDir().resolve("cgroup.controllers"));
                    if (controllers.contains("memory") && controllers.contains("pids")) {
                        return new CgroupV2(mount.ownDir());
                    }
                } catch (IOException e) {
                    LOG.log(Level.FINE, "cannot read controllers of {0}", mount.ownDir());
                }
            }
        }
        return null;
    }

    @Override
    public ControlGroup create(String name, long memoryBytes, int maxTasks) throws IOException {
        enableControllers();
        Group group = new Group(parent.resolve(name));
        try {
            Files.createDirectories(group.dir);
            group.prepare(memoryBytes, maxTasks);
            return group;
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private synchronized void enableControllers() throws IOException {
        Path subtree = parent.resolve("cgroup.subtree_control");
        String enabled = Files.readString(subtree);
        if (enabled.contains("memory") && enabled.contains("pids")) {
            return;
        }
        try {
            Cgroups.write(subtree, "+memory +pids");
        } catch (IOException busy) {
            Path leaf = parent.resolve("arena-main");
            Files.createDirectories(leaf);
            for (String pid : Files.readAllLines(parent.resolve("cgroup.procs"))) {
                if (!pid.isBlank()) {
                    Cgroups.write(leaf.resolve("cgroup.procs"), pid.trim());
                }
            }
            LOG.log(Level.INFO, "moved this JVM into {0} to enable memory and pids for sandbox groups", leaf);
            Cgroups.write(subtree, "+memory +pids");
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public boolean reusable() {
        return false;
    }

    @Override
    public String describe() {
        return "cgroup v2 (under " + parent + ")";
    }

    private record Group(Path dir) implements ControlGroup {

        @Override
        public List<Path> procsFiles() {
            return List.of(dir.resolve("cgroup.procs"));
        }

        @Override
        public void add(long pid) throws IOException {
            Cgroups.write(dir.resolve("cgroup.procs"), Long.toString(pid));
        }

        @Override
        public void prepare(long memoryBytes, int maxTasks) throws IOException {
            if (!Cgroups.empty(this)) {
                throw new IOException("cgroup " + dir + " does not empty");
            }
            limit(memoryBytes, maxTasks);
        }

        @Override
        public void limit(long memoryBytes, int maxTasks) throws IOException {
            Cgroups.write(dir.resolve("memory.max"), Long.toString(memoryBytes));
            Path swap = dir.resolve("memory.swap.max");
            if (Files.exists(swap)) {
                Cgroups.write(swap, "0");
            }
            Cgroups.write(dir.resolve("pids.max"), Integer.toString(maxTasks));
        }

        @Override
        public boolean isEmpty() {
            return Cgroups.listsNothing(dir.resolve("cgroup.procs"));
        }

        @Override
        public long cpuNanos() {
            long micros = Cgroups.readKeyed(dir.resolve("cpu.stat"), "usage_usec");
            return micros < 0 ? -1 : micros * 1000;
        }

        @Override
        public long memoryBytes() {
            return Math.max(0, Cgroups.readLong(dir.resolve("memory.current")));
        }

        @Override
        public long peakMemoryBytes() {
            long peak = Cgroups.readLong(dir.resolve("memory.peak"));
            return peak >= 0 ? peak : memoryBytes();
        }

        @Override
        public void resetPeak() {
            // The peak is the group's, since its creation: one group per sandbox (see the class comment).
        }

        @Override
        public long oomKills() {
            return Math.max(0, Cgroups.readKeyed(dir.resolve("memory.events"), "oom_kill"));
        }

        @Override
        public void killAll() {
            Path kill = dir.resolve("cgroup.kill");
            try {
                if (Files.exists(kill)) {
                    Cgroups.write(kill, "1");
                    return;
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "cgroup.kill failed in {0}: {1}", new Object[]{dir, e.toString()});
            }
            Cgroups.killListed(dir.resolve("cgroup.procs"));
        }

        @Override
        public void close() {
            if (Files.isDirectory(dir)) {
                killAll();
                Cgroups.remove(dir, dir.resolve("cgroup.procs"));
            }
        }
    }
}
