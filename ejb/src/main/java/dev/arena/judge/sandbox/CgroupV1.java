package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * cgroup v1: one directory per controller (memory, pids, cpuacct), each created under this
 * process's own cgroup of that hierarchy.
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
            Files.createDirectory(group.memory);
            Files.createDirectory(group.pids);
            Files.createDirectory(group.cpuacct);
            Cgroups.write(group.memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
            Path swapLimit = group.memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(swapLimit)) {
                Cgroups.write(swapLimit, Long.toString(memoryBytes));
            }
            Cgroups.write(group.pids.resolve("pids.max"), Integer.toString(maxTasks));
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
    public String describe() {
        return "cgroup v1 (memory " + memoryParent + ", pids " + pidsParent + ", cpuacct " + cpuacctParent + ")";
    }

    private record Group(Path memory, Path pids, Path cpuacct) implements ControlGroup {

        @Override
        public List<Path> procsFiles() {
            return List.of(memory.resolve("cgroup.procs"), pids.resolve("cgroup.procs"), cpuacct.resolve("cgroup.procs"));
        }

        @Override
        public long cpuNanos() {
            return Cgroups.readLong(cpuacct.resolve("cpuacct.usage"));
        }

        @Override
        public long peakMemoryBytes() {
            return Math.max(0, Cgroups.readLong(memory.resolve("memory.max_usage_in_bytes")));
        }

        @Override
        public boolean oomKilled() {
            return Cgroups.readKeyed(memory.resolve("memory.oom_control"), "oom_kill") > 0;
        }

        @Override
        public void killAll() {
            // The pids group holds every task of the run; the others hold the same ones.
            Cgroups.killListed(pids.resolve("cgroup.procs"));
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
