package dev.arena.judge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs programs under bubblewrap as a non-root uid, inside the slot's cgroup.
 *
 * <p>A sandbox is started once for many runs of one program (a judging's tests, see {@link Session}):
 * {@code prlimit} (the stack limit, which a Python interpreter fixes at its start) -> {@code setpriv}
 * (drops to the slot uid, no groups) -> {@code bwrap} (new user, pid, net, ipc, uts and cgroup
 * namespaces, read-only system, private tmpfs, no capabilities, empty environment) -> the runner
 * ({@code runner.py}), pid 1 of the sandbox, which runs each run as a child with that run's rlimits and
 * cleans up after it. Every step execs the next, so bwrap is the JVM's direct child and
 * {@code --die-with-parent} ties the sandbox to the JVM's life. The JVM moves bwrap and the runner into
 * the slot's cgroup before the first run, and measures and enforces CPU, memory and wall time per run.
 *
 * <p>Thread-safe. Two concurrent sandboxes must use different uids (one uid per slot).
 */
public final class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    /** The runner's interpreter: commands that start with it run in a fork of the runner. */
    private static final List<String> INTERPRETER = List.of("python3", "-B");
    /**
     * The runner for other programs: it needs no site-packages, and without {@code site} it starts ~6 ms
     * sooner. A {@code python3 -B} command in such a sandbox is exec'd like any other.
     */
    private static final List<String> PLAIN_RUNNER = List.of("python3", "-I", "-S", "-B");
    private static final String RUNNER = runnerSource();
    private static final String HOST_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
    private static final long MAX_STACK_BYTES = 1L << 30;

    private final Cgroups cgroups;
    private final SlotGroups groups;
    private final AtomicLong started = new AtomicLong();
    private final String prlimit = onHostPath("prlimit");
    private final String setpriv = onHostPath("setpriv");
    private final String bwrap = onHostPath("bwrap");

    private Sandbox(Cgroups cgroups) {
        this.cgroups = cgroups;
        this.groups = new SlotGroups(cgroups);
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
        return new Sandbox(found);
    }

    /** A sandbox that never uses cgroups, for hosts (and tests) that want the rlimit-only mode. */
    public static Sandbox withoutCgroups() {
        return new Sandbox(new Cgroups.None());
    }

    public boolean hasCgroups() {
        return cgroups.available();
    }

    public String describe() {
        return "bubblewrap with a python3 runner, " + cgroups.describe();
    }

    /**
     * Prepares runs of one program as uid. Nothing starts before the first {@link Session#run}.
     *
     * @param uid non-root uid (and gid) the program runs as; exclusive to the caller until the session is closed
     */
    public Session open(int uid, Program program) throws IOException {
        if (uid <= 0) {
            throw new IllegalArgumentException("the program must not run as root");
        }
        return new Session(this, uid, program);
    }

    /**
     * Runs a program once, in a sandbox of its own. Whatever it started is dead when this returns.
     *
     * @param stdin file fed to stdin, or null for an empty stdin
     * @throws IOException if the sandbox could not be started at all
     */
    public RunReport run(int uid, Program program, Path stdin, Path stdout, Path stderr)
            throws IOException, InterruptedException {
        try (Session session = open(uid, program)) {
            RunReport report = session.run(stdin);
            Files.move(session.stdout(), stdout, StandardCopyOption.REPLACE_EXISTING);
            Files.move(session.stderr(), stderr, StandardCopyOption.REPLACE_EXISTING);
            return report;
        }
    }

    /** Removes the uid's cgroup, kept between sandboxes; for when the uid is given up. */
    public void release(int uid) {
        groups.remove(uid);
    }

    /** How many sandboxes have been started so far. */
    public long sandboxesStarted() {
        return started.get();
    }

    void countStart() {
        started.incrementAndGet();
    }

    SlotGroups groups() {
        return groups;
    }

    /** The command that starts a sandbox for the program, its runs exchanging files through {@code exchange}. */
    List<String> command(int uid, Program program, Path exchange) {
        Limits limits = program.limits();
        // The soft limit is the program's; the hard one leaves room for a run with larger limits (a compile check).
        List<String> argv = new ArrayList<>(List.of(prlimit, "--stack=" + stackBytes(limits) + ":" + MAX_STACK_BYTES, "--",
                setpriv, "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--",
                bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--as-pid-1", "--cap-drop", "ALL",
                "--clearenv"));
        environment(program.environment()).forEach((key, value) -> argv.addAll(List.of("--setenv", key, value)));
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
        for (Path extra : program.readOnlyPaths()) {
            argv.addAll(List.of("--ro-bind", extra.toString(), extra.toString()));
        }
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                program.writableBox() ? "--bind" : "--ro-bind", program.box().toString(), "/box",
                // Writable for the runner, but the directory is root's: the program cannot add files to it.
                "--bind", exchange.toString(), "/io",
                // bwrap builds the root on a tmpfs the sandbox uid owns: make it read-only last.
                "--remount-ro", "/",
                "--chdir", "/box", "--"));
        boolean python = program.command().size() > INTERPRETER.size()
                && program.command().subList(0, INTERPRETER.size()).equals(INTERPRETER);
        argv.addAll(python ? INTERPRETER : PLAIN_RUNNER);
        argv.addAll(List.of("-c", RUNNER));
        return argv;
    }

    /** The request the runner reads for one run of a command. */
    static byte[] request(List<String> command, Limits limits) {
        long cpuSeconds = (limits.cpuTimeMs() + 999) / 1000 + 1;
        List<String> fields = new ArrayList<>(List.of("run", Long.toString(cpuSeconds),
                Long.toString(limits.fileSizeBytes()), Integer.toString(limits.maxTasks()),
                Long.toString(stackBytes(limits)), Long.toString(limits.addressSpaceBytes())));
        fields.addAll(command);
        return (String.join("\0", fields) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String hostPath() {
        return HOST_PATH;
    }

    private static long stackBytes(Limits limits) {
        return Math.min(limits.memoryBytes(), MAX_STACK_BYTES);
    }

    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new TreeMap<>(Map.of(
                "PATH", "/usr/local/bin:/usr/bin:/bin",
                "HOME", "/tmp",
                "TMPDIR", "/tmp",
                "LANG", "C.UTF-8"));
        env.putAll(extra);
        return env;
    }

    /** An absolute path, so that what starts the sandbox does not depend on the application server's PATH. */
    private static String onHostPath(String program) {
        for (String dir : HOST_PATH.split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read link " + link, e);
        }
    }

    private static String runnerSource() {
        try (InputStream in = Sandbox.class.getResourceAsStream("runner.py")) {
            if (in == null) {
                throw new IllegalStateException("runner.py is missing beside " + Sandbox.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read runner.py", e);
        }
    }
}
