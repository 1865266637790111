package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Kills every process whose real uid is a slot's uid. The uid belongs to the sandbox alone, so
 * anything still running as it after a run is a leftover (a daemonized child in rlimit-only mode).
 */
public final class SlotReaper {

    private static final Logger LOG = Logger.getLogger(SlotReaper.class.getName());

    private SlotReaper() {
    }

    /**
     * Kills the uid's processes and waits (up to 10 s) until none is left. Waiting matters: when a
     * sandbox's pid-namespace init dies, it lingers (without a command line) until the kernel has
     * killed and reaped every process of its namespace, which takes a moment after a fork bomb.
     *
     * @return how many processes were found in the first round
     */
    public static int killAllOf(int uid) {
        if (uid <= 0) {
            throw new IllegalArgumentException("refusing to reap uid " + uid);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int first = -1;
        while (true) {
            int seen = 0;
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String name = entry.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit) || realUid(entry) != uid) {
                        continue;
                    }
                    seen++;
                    if (first < 0 && LOG.isLoggable(Level.FINE)) {
                        LOG.log(Level.FINE, "leftover of uid {0}: pid {1} {2}", new Object[]{uid, name, describe(entry)});
                    }
                    ProcessHandle.of(Long.parseLong(name)).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot scan /proc: {0}", e.toString());
                return Math.max(first, 0);
            }
            if (first < 0) {
                first = seen;
            }
            if (seen == 0) {
                return first;
            }
            if (System.nanoTime() > deadline) {
                LOG.log(Level.WARNING, "{0} processes of uid {1} do not die", new Object[]{seen, uid});
                return first;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return first;
            }
        }
    }

    /** Whether any process runs as the uid. */
    public static boolean anyProcessOf(int uid) {
        return !processesOf(uid).isEmpty();
    }

    /** The pids of the processes that run as the uid. */
    public static List<Long> processesOf(int uid) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(e -> e.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(e -> realUid(e) == uid)
                    .map(e -> Long.parseLong(e.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String describe(Path procEntry) {
        try {
            return new String(Files.readAllBytes(procEntry.resolve("cmdline"))).replace('\0', ' ')
                    + " | " + Files.readString(procEntry.resolve("cgroup")).replace('\n', ' ');
        } catch (IOException e) {
            return "(gone)";
        }
    }

    private static int realUid(Path procEntry) {
        try {
            for (String line : Files.readAllLines(procEntry.resolve("status"))) {
                if (line.startsWith("State:") && line.contains("Z")) {
                    return -1; // a zombie holds nothing and dies with its parent's wait
                }
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended while we looked
        }
        return -1;
    }
}
