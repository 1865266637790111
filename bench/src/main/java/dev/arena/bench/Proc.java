package dev.arena.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of processes, read from /proc. */
final class Proc {

    /** USER_HZ: the unit of utime and stime in /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private Proc() {
    }

    /** utime + stime of the process (all its threads) in microseconds, or -1 if it is gone. */
    static long cpuMicros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid < 0 ? "self" : Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses: fields are counted after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS of the process in KiB, or -1 if it is gone. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
