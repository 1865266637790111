package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs commands under bubblewrap as a non-root uid, inside a fresh cgroup per run.
 *
 * <p>The process chain is {@code sh} (as root: joins the run's cgroups, then execs) ->
 * {@code prlimit} (per-process rlimits) -> {@code setpriv} (drops to the slot uid, no groups) ->
 * {@code bwrap} (new user, pid, net, ipc, uts and cgroup namespaces, read-only system, private
 * tmpfs, no capabilities, empty environment). Every step execs the next, so bwrap is the JVM's
 * direct child and {@code --die-with-parent} ties the sandbox to the JVM's life.
 *
 * <p>Thread-safe. Two concurrent runs must use different uids (one uid per slot): leftovers are
 * reaped by uid after every run.
 */
public final class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final long POLL_MS = 10;
    private static final String JOIN_CGROUPS_THEN_EXEC =
            "for f in \"$@\"; do [ \"$f\" = -- ] && break; echo $$ > \"$f\" || exit "
                    + RunReport.SETUP_FAILED_EXIT + "; shift; done; shift; exec \"$@\"";

    private final Cgroups cgroups;
    private final String bwrap;

    private Sandbox(Cgroups cgroups, String bwrap) {
        this.cgroups = cgroups;
        this.bwrap = bwrap;
    }

    /** Detects cgroup support (and says at INFO or WARNING level what it found). */
    public static Sandbox detect() {
        Cgroups found = Cgroups.detect();
        if (found.available()) {
            LOG.log(Level.INFO, "sandbox limits through {0}", found.describe());
        } else {
            LOG.log(Level.WARNING, "cannot create cgroups: falling back to rlimits only; memory is not measured, "
                    + "time is wall time, fork bombs are bounded by RLIMIT_NPROC per slot uid");
        }
        return new Sandbox(found, "bwrap");
    }

    /** A sandbox that never uses cgroups, for hosts (and tests) that want the rlimit-only mode. */
    public static Sandbox withoutCgroups() {
        return new Sandbox(new Cgroups.None(), "bwrap");
    }

    public boolean hasCgroups() {
        return cgroups.available();
    }

    public String describe() {
        return "bubblewrap, " + cgroups.describe();
    }

    /**
     * Runs one command to its end or until a limit stops it. Whatever it started is dead and its
     * cgroup removed when this returns, also when it throws.
     *
     * @param uid non-root uid (and gid) the program runs as; exclusive to the caller during the run
     * @throws IOException if the sandbox could not be started at all
     */
    public RunReport run(int uid, Execution execution) throws IOException, InterruptedException {
        if (uid <= 0) {
            throw new IllegalArgumentException("the program must not run as root");
        }
        Limits limits = execution.limits();
        String groupName = "arena-judge-" + uid + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (ControlGroup group = cgroups.create(groupName, limits.memoryBytes(), limits.maxTasks())) {
            return runIn(group, uid, execution);
        } finally {
            SlotReaper.killAllOf(uid);
        }
    }

    private RunReport runIn(ControlGroup group, int uid, Execution execution) throws IOException, InterruptedException {
        Limits limits = execution.limits();
        ProcessBuilder builder = new ProcessBuilder(command(group, uid, execution));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.redirectInput(execution.stdin() == null
                ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(execution.stdin().toFile()));
        builder.redirectOutput(execution.stdout().toFile());
        builder.redirectError(execution.stderr().toFile());

        long started = System.nanoTime();
        Process process = builder.start();
        boolean cpuHit = false;
        boolean wallHit = false;
        try {
            long wallDeadline = started + TimeUnit.MILLISECONDS.toNanos(limits.wallTimeMs());
            long cpuLimitNanos = TimeUnit.MILLISECONDS.toNanos(limits.cpuTimeMs());
            while (!process.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > wallDeadline) {
                    wallHit = true;
                } else if (group.cpuNanos() > cpuLimitNanos) {
                    cpuHit = true;
                }
                if (wallHit || cpuHit) {
                    group.killAll();
                    process.destroyForcibly();
                    process.waitFor();
                    break;
                }
            }
        } finally {
            if (process.isAlive()) {
                group.killAll();
                process.destroyForcibly();
            }
        }
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long cpuNanos = group.cpuNanos();
        long cpuMs = cpuNanos < 0 ? wallMs : TimeUnit.NANOSECONDS.toMillis(cpuNanos);
        int exit = process.exitValue();
        long stdoutBytes = Files.size(execution.stdout());
        boolean setupFailed = exit == RunReport.SETUP_FAILED_EXIT || bwrapComplained(exit, execution.stderr());
        return new RunReport(exit, cpuHit || cpuMs > limits.cpuTimeMs(), wallHit, cpuMs, wallMs,
                group.peakMemoryBytes(), group.oomKilled(), setupFailed, stdoutBytes,
                stdoutBytes >= limits.fileSizeBytes());
    }

    /** bwrap reports its own failures on stderr as "bwrap: ..." and exits 1. */
    private static boolean bwrapComplained(int exit, Path stderr) {
        if (exit != 1) {
            return false;
        }
        try {
            return Files.size(stderr) < 4096 && Files.readString(stderr).startsWith("bwrap: ");
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> command(ControlGroup group, int uid, Execution execution) {
        Limits limits = execution.limits();
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_CGROUPS_THEN_EXEC, "sh"));
        group.procsFiles().forEach(file -> argv.add(file.toString()));
        argv.add("--");

        long cpuSeconds = (limits.cpuTimeMs() + 999) / 1000 + 1;
        argv.addAll(List.of("prlimit",
                "--cpu=" + cpuSeconds + ":" + (cpuSeconds + 1),
                "--fsize=" + limits.fileSizeBytes(),
                "--nproc=" + limits.maxTasks(),
                "--core=0",
                "--stack=" + Math.min(limits.memoryBytes(), 1L << 30)));
        if (limits.addressSpaceBytes() > 0) {
            argv.add("--as=" + limits.addressSpaceBytes());
        }
        argv.add("--");

        argv.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));

        argv.addAll(List.of(bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--clearenv"));
        environment(execution.environment()).forEach((key, value) -> argv.addAll(List.of("--setenv", key, value)));
        argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String top : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
            Path host = Path.of("/", top);
            if (Files.isSymbolicLink(host)) {
                argv.addAll(List.of("--symlink", readLink(host), host.toString()));
            } else if (Files.isDirectory(host)) {
                argv.addAll(List.of("--ro-bind", host.toString(), host.toString()));
            }
        }
        for (String etc : List.of("/etc/alternatives", "/etc/ld.so.cache")) {
            argv.addAll(List.of("--ro-bind-try", etc, etc));
        }
        for (Path extra : execution.readOnlyPaths()) {
            argv.addAll(List.of("--ro-bind", extra.toString(), extra.toString()));
        }
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                execution.writableBox() ? "--bind" : "--ro-bind", execution.box().toString(), "/box",
                // bwrap builds the root on a tmpfs the sandbox uid owns: make it read-only last.
                "--remount-ro", "/",
                "--chdir", "/box", "--"));
        argv.addAll(execution.command());
        return argv;
    }

    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new java.util.TreeMap<>(Map.of(
                "PATH", "/usr/local/bin:/usr/bin:/bin",
                "HOME", "/tmp",
                "TMPDIR", "/tmp",
                "LANG", "C.UTF-8"));
        env.putAll(extra);
        return env;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read link " + link, e);
        }
    }
}
