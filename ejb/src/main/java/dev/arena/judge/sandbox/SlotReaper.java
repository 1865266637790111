package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Kills the uid's processes and reports how many were found. */
    public static int killAllOf(int uid) {
        if (uid <= 0) {
            throw new IllegalArgumentException("refusing to reap uid " + uid);
        }
        int found = 0;
        for (int round = 0; round < 50; round++) {
            int seen = 0;
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String name = entry.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit) || realUid(entry) != uid) {
                        continue;
                    }
                    seen++;
                    ProcessHandle.of(Long.parseLong(name)).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot scan /proc: {0}", e.toString());
                return found;
            }
            found += seen;
            if (seen == 0) {
                return found;
            }
            LOG.log(Level.FINE, "killed {0} leftover processes of uid {1}", new Object[]{seen, uid});
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
        LOG.log(Level.WARNING, "processes of uid {0} keep appearing", uid);
        return found;
    }

    /** Whether any process runs as the uid. */
    public static boolean anyProcessOf(int uid) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(e -> e.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(e -> realUid(e) == uid);
        } catch (IOException e) {
            return false;
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
