package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * cgroup v1: one directory per controller (memory, pids, cpuacct), each created under this
 * process's own cgroup of that hierarchy. A group is kept for one sandbox after another: its peak
 * memory and failure counters can be reset, and the CPU and OOM counters are read as differences.
 */
record CgroupV1(Path memoryParent, Path pidsParent, Path cpuacctParent) implements Cgroups {

    static CgroupV1 find(List<CgroupMounts.Mount> mounts) {
        Path memory = null;
        Path pids = null;
        Path cpuacct = null;
        for (CgroupMounts.Mount mount : mounts) {
            if (mount.unified()) {
                continue;
            }
            if (mount.controllers().contains("memory")) {
                memory = mount.ownDir();
            } else if (mount.controllers().contains("pids")) {
                pids = mount.ownDir();
            } else if (mount.controllers().contains("cpuacct")) {
                cpuacct = mount.ownDir();
            }
        }
        return memory != null && pids != null && cpuacct != null ? new CgroupV1(memory, pids, cpuacct) : null;
    }

    @Override
    public ControlGroup create(String name, long memoryBytes, int maxTasks) throws IOException {
        Group group = new Group(memoryParent.resolve(name), pidsParent.resolve(name), cpuacctParent.resolve(name));
        try {
            for (Path dir : group.dirs()) {
                Files.createDirectories(dir);
            }
            group.prepare(memoryBytes, maxTasks);
            return group;
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public boolean reusable() {
        return true;
    }

    @Override
    public String describe() {
        return "cgroup v1 (memory " + memoryParent + ", pids " + pidsParent + ", cpuacct " + cpuacctParent + ")";
    }

    private record Group(Path memory, Path pids, Path cpuacct) implements ControlGroup {

        List<Path> dirs() {
            return List.of(memory, pids, cpuacct);
        }

        @Override
        public List<Path> procsFiles() {
            return dirs().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
        }

        @Override
        public void add(long pid) throws IOException {
            for (Path procs : procsFiles()) {
                Cgroups.write(procs, Long.toString(pid));
            }
        }

        @Override
        public void prepare(long memoryBytes, int maxTasks) throws IOException {
            if (!Cgroups.empty(this)) {
                throw new IOException("cgroup " + pids.getFileName() + " does not empty");
            }
            limit(memoryBytes, maxTasks);
            Cgroups.write(cpuacct.resolve("cpuacct.usage"), "0");
            Cgroups.write(memory.resolve("memory.failcnt"), "0");
            resetPeak();
        }

        @Override
        public void limit(long memoryBytes, int maxTasks) throws IOException {
            limitMemory(memoryBytes);
            Cgroups.write(pids.resolve("pids.max"), Integer.toString(maxTasks));
        }

        /** memsw must never be below the RAM limit: raise it first, or lower the RAM limit first. */
        private void limitMemory(long bytes) throws IOException {
            Path ram = memory.resolve("memory.limit_in_bytes");
            Path withSwap = memory.resolve("memory.memsw.limit_in_bytes");
            if (!Files.exists(withSwap)) {
                Cgroups.write(ram, Long.toString(bytes));
            } else if (bytes >= Cgroups.readLong(ram)) {
                Cgroups.write(withSwap, Long.toString(bytes));
                Cgroups.write(ram, Long.toString(bytes));
            } else {
                Cgroups.write(ram, Long.toString(bytes));
                Cgroups.write(withSwap, Long.toString(bytes));
            }
        }

        @Override
        public boolean isEmpty() {
            return procsFiles().stream().allMatch(Cgroups::listsNothing);
        }

        @Override
        public long cpuNanos() {
            return Cgroups.readLong(cpuacct.resolve("cpuacct.usage"));
        }

        @Override
        public long memoryBytes() {
            return Math.max(0, Cgroups.readLong(memory.resolve("memory.usage_in_bytes")));
        }

        @Override
        public long peakMemoryBytes() {
            return Math.max(0, Cgroups.readLong(memory.resolve("memory.max_usage_in_bytes")));
        }

        @Override
        public void resetPeak() {
            try {
                Cgroups.write(memory.resolve("memory.max_usage_in_bytes"), "0");
            } catch (IOException e) {
                LOG.log(java.util.logging.Level.FINE, "cannot reset the peak of {0}: {1}",
                        new Object[]{memory, e.toString()});
            }
        }

        @Override
        public long oomKills() {
            return Math.max(0, Cgroups.readKeyed(memory.resolve("memory.oom_control"), "oom_kill"));
        }

        @Override
        public void killAll() {
            for (Path procs : procsFiles()) {
                Cgroups.killListed(procs);
            }
        }

        @Override
        public void close() {
            for (Path dir : List.of(pids, memory, cpuacct)) {
                if (Files.isDirectory(dir)) {
                    Cgroups.remove(dir, dir.resolve("cgroup.procs"));
                }
            }
        }
    }
}
