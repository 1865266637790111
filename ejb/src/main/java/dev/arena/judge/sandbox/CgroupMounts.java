package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Where the cgroup hierarchies are mounted and where this process sits in each of them. */
final class CgroupMounts {

    private static final Logger LOG = Logger.getLogger(CgroupMounts.class.getName());

    /**
     * One mounted hierarchy.
     *
     * @param ownDir the directory of this process's own cgroup in it (nested path from /proc/self/cgroup)
     */
    record Mount(boolean unified, Set<String> controllers, Path mountPoint, Path ownDir) {
    }

    private CgroupMounts() {
    }

    static List<Mount> read() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")),
                    Files.readAllLines(Path.of("/proc/self/cgroup")));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read cgroup mounts: {0}", e.toString());
            return List.of();
        }
    }

    static List<Mount> parse(List<String> mountInfo, List<String> selfCgroup) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountInfo) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            String type = after[0];
            String root = before[3];
            Path mountPoint = Path.of(before[4]);
            if (type.equals("cgroup2")) {
                String own = ownPath(selfCgroup, "");
                mounts.add(new Mount(true, Set.of(), mountPoint, nested(mountPoint, root, own)));
            } else if (type.equals("cgroup")) {
                Set<String> controllers = Set.of(after[2].split(","));
                for (String controller : List.of("memory", "pids", "cpuacct")) {
                    if (controllers.contains(controller)) {
                        String own = ownPath(selfCgroup, controller);
                        mounts.add(new Mount(false, controllers, mountPoint, nested(mountPoint, root, own)));
                        break;
                    }
                }
            }
        }
        return mounts;
    }

    /** The path of this process's cgroup for a controller ("" = the v2 unified line "0::/path"). */
    private static String ownPath(List<String> selfCgroup, String controller) {
        for (String line : selfCgroup) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            boolean matches = controller.isEmpty()
                    ? parts[0].equals("0") && parts[1].isEmpty()
                    : Set.of(parts[1].split(",")).contains(controller);
            if (matches) {
                return parts[2];
            }
        }
        return "/";
    }

    /** A bind-mounted hierarchy (containers) shows only the part below its mount root. */
    private static Path nested(Path mountPoint, String mountRoot, String own) {
        String relative = own;
        if (!mountRoot.equals("/") && relative.startsWith(mountRoot)) {
            relative = relative.substring(mountRoot.length());
        }
        relative = relative.replaceFirst("^/+", "");
        return relative.isEmpty() ? mountPoint : mountPoint.resolve(relative);
    }
}
