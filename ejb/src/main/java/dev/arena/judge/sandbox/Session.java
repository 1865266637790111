package dev.arena.judge.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs of one program in one sandbox: the sandbox starts with the first run (or ahead of it, {@link
 * #start}) and serves the next ones, each a fresh process started by the runner inside (see {@link
 * Sandbox}). A run that ends the sandbox (a limit, or a runner that could not clean up) makes the next
 * run start a new one.
 *
 * <p>Each run's CPU time and OOM kills are differences of the slot cgroup's counters around the run,
 * its peak memory is the cgroup's peak since the run began minus what the cgroup held then (the idle
 * runner and file cache of earlier runs): the sandbox's start-up counts for no run.
 *
 * <p>Files pass through the sandbox's exchange directory ({@link Exchange}), the box's sibling
 * {@code <box>.io}, mounted at {@code /io}: the run's input is linked (or copied) there as
 * {@code stdin}, and {@link #stdout()} and {@link #stderr()} are there until the next run.
 *
 * <p>Not thread-safe: one thread runs a session, and closes it, which kills whatever is left.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    private static final long POLL_MS = 10;
    /** Generous: a busy host can take seconds to start an interpreter, which is not the program's time. */
    private static final long START_SECONDS = 30;
    /** What the reader hands over when the runner's output ends (the runner never sends an empty line). */
    private static final String ENDED = "";

    private final Sandbox sandbox;
    private final int uid;
    private final Exchange exchange;

    private Program program;

    private Process process;
    private ControlGroup group;
    /** The limits the group has now: a run with other memory or task limits sets its own first. */
    private Limits grouped;
    private OutputStream requests;
    private BlockingQueue<String> answers;

    Session(Sandbox sandbox, int uid, Program program) throws IOException {
        this.sandbox = sandbox;
        this.uid = uid;
        this.program = program;
        this.exchange = Exchange.create(program.box(), uid);
    }

    /** The last run's stdout (capped by the file size limit). */
    public Path stdout() {
        return exchange.stdout();
    }

    /** The last run's stderr. */
    public Path stderr() {
        return exchange.stderr();
    }

    /**
     * Runs the program once more, to its end or until a limit stops it. Every process of the run is dead
     * when this returns, also when it throws.
     *
     * @param stdin file fed to stdin, or null for an empty stdin
     * @throws IOException if the sandbox could not be started at all
     */
    public RunReport run(Path stdin) throws IOException, InterruptedException {
        return run(program.command(), program.limits(), stdin);
    }

    /**
     * Runs another command in the same sandbox (same /box, mounts and environment), with limits of its
     * own; the size of /tmp is the program's. For a check of the source before the tests.
     */
    public RunReport run(List<String> command, Limits limits, Path stdin) throws IOException, InterruptedException {
        byte[] request = Sandbox.request(Program.checked(command), limits);
        exchange.prepare(stdin);
        start();
        if (grouped.memoryBytes() != limits.memoryBytes() || grouped.maxTasks() != limits.maxTasks()) {
            group.limit(limits.memoryBytes(), limits.maxTasks());
            grouped = limits;
        }
        long cpuBefore = group.cpuNanos();
        long oomBefore = group.oomKills();
        group.resetPeak();
        long memoryBefore = group.memoryBytes();
        long started = System.nanoTime();
        boolean cpuHit = false;
        boolean wallHit = false;
        boolean waited = false;
        String answer;
        try {
            send(request);
            long wallDeadline = started + TimeUnit.MILLISECONDS.toNanos(limits.wallTimeMs());
            long cpuLimitNanos = TimeUnit.MILLISECONDS.toNanos(limits.cpuTimeMs());
            while ((answer = answers.poll(POLL_MS, TimeUnit.MILLISECONDS)) == null) {
                if (System.nanoTime() > wallDeadline) {
                    wallHit = true;
                } else if (cpuBefore >= 0 && group.cpuNanos() - cpuBefore > cpuLimitNanos) {
                    cpuHit = true;
                }
                if (wallHit || cpuHit) {
                    break;
                }
            }
            waited = true;
        } finally {
            if (!waited || wallHit || cpuHit) {
                kill();
                if (!waited) {
                    release();
                }
            }
        }
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long cpuAfter = group.cpuNanos();
        long cpuMs = cpuBefore < 0 || cpuAfter < 0 ? wallMs : TimeUnit.NANOSECONDS.toMillis(cpuAfter - cpuBefore);
        long peak = Math.max(0, group.peakMemoryBytes() - memoryBefore);
        boolean oomKilled = group.oomKills() > oomBefore;
        int exit = 128 + 9;
        boolean failed = false;
        if (answer == null) {
            // Stopped at a limit and killed above.
        } else if (answer.startsWith("done ")) {
            String[] words = answer.split(" ");
            exit = words[1].equals("signal") ? 128 + Integer.parseInt(words[2]) : Integer.parseInt(words[2]);
            if (answer.endsWith(" last")) {
                end();
            }
        } else if (answer.startsWith("fail ")) {
            exit = 127;
            failed = true;
            LOG.log(Level.WARNING, "sandbox of uid {0} could not start {1}: {2}",
                    new Object[]{Integer.toString(uid), program.command(), answer});
        } else {
            // The runner ended without answering: the OOM killer chose it (the verdict says memory), or
            // the sandbox could not be set up.
            exit = end();
            failed = !oomKilled;
            if (failed) {
                LOG.log(Level.WARNING, "sandbox of uid {0} ended without answering, exit {1}; its log: {2}",
                        new Object[]{Integer.toString(uid), exit, exchange.logHead()});
            }
        }
        if (process == null) {
            release();
        }
        long stdoutBytes = Files.size(stdout());
        return new RunReport(exit, cpuHit || cpuMs > limits.cpuTimeMs(), wallHit, cpuMs, wallMs, peak, oomKilled,
                failed, stdoutBytes, stdoutBytes >= limits.fileSizeBytes());
    }

    private void send(byte[] request) {
        try {
            requests.write(request);
            requests.flush();
        } catch (IOException e) {
            // The runner is gone; its missing answer says so.
            LOG.log(Level.FINE, "sandbox of uid {0} did not take the request: {1}",
                    new Object[]{Integer.toString(uid), e.toString()});
        }
    }

    /**
     * Starts the sandbox now rather than at the first run: ahead of a judging, so that the judging does
     * not wait for it. Does nothing if it runs already.
     *
     * @throws IOException if the sandbox could not be started
     */
    public void start() throws IOException, InterruptedException {
        if (process == null) {
            startProcess();
        }
    }

    /**
     * Makes this session run another program from now on, if its sandbox is the one that program would
     * get: the same runner, mounts (the same box), environment, stack limit and /tmp. Each run's own
     * limits are sent with the run, so they may differ.
     *
     * @return whether the session now runs {@code next}
     */
    public boolean switchTo(Program next) {
        if (!sandbox.command(uid, next, exchange.dir()).equals(sandbox.command(uid, program, exchange.dir()))) {
            return false;
        }
        program = next;
        return true;
    }

    private void startProcess() throws IOException, InterruptedException {
        group = sandbox.groups().acquire(uid, program.limits());
        grouped = program.limits();
        boolean started = false;
        try {
            Path log = exchange.freshLog();
            ProcessBuilder builder = new ProcessBuilder(sandbox.command(uid, program, exchange.dir()));
            builder.environment().clear();
            builder.environment().put("PATH", Sandbox.hostPath());
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
            sandbox.countStart();
            join(process.pid());
            requests = process.getOutputStream();
            answers = read(process.getInputStream());
            // Each run's counters start after the runner's own start-up.
            String ready = answers.poll(START_SECONDS, TimeUnit.SECONDS);
            if (!"ready".equals(ready)) {
                throw new IOException("the sandbox did not start" + (ready == null ? " in time" : "")
                        + "; its log: " + exchange.logHead());
            }
            if (!joined()) {
                throw new IOException("the sandbox is not in its cgroup");
            }
            started = true;
        } finally {
            if (!started) {
                kill();
                release();
            }
        }
    }

    /** Whether bwrap and the runner are both in the group, in every hierarchy: nothing runs outside the limits. */
    private boolean joined() throws IOException {
        if (!sandbox.hasCgroups()) {
            return true;
        }
        for (Path procs : group.procsFiles()) {
            if (Files.readAllLines(procs).stream().filter(line -> !line.isBlank()).count() < 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the sandbox into the slot's cgroup before it runs anything: bwrap first, so that a runner it
     * has not yet forked is born inside, then the runner if it already exists. The runner forks nothing
     * before its first request.
     */
    private void join(long pid) throws IOException {
        if (!sandbox.hasCgroups()) {
            return;
        }
        group.add(pid);
        Path children = Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children");
        String listed;
        try {
            listed = Files.readString(children).trim();
        } catch (IOException e) {
            listed = ""; // bwrap has ended already: the wait for the runner reports why
        }
        for (String child : listed.isEmpty() ? new String[0] : listed.split("\\s+")) {
            group.add(Long.parseLong(child));
        }
    }

    private BlockingQueue<String> read(InputStream answerStream) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("sandbox-" + uid).start(() -> {
            try (BufferedReader reader =
                         new BufferedReader(new InputStreamReader(answerStream, StandardCharsets.US_ASCII))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // Killed: the end is reported below.
            }
            queue.add(ENDED);
        });
        return queue;
    }

    /** Kills the sandbox, if one runs, and waits for it. */
    private void kill() {
        if (process == null) {
            return;
        }
        group.killAll();
        process.destroyForcibly();
        process.onExit().join();
        process = null;
    }

    /**
     * Lets the runner end (it does when its requests end), killing it if it has not within a second.
     *
     * @return the sandbox's exit status
     */
    private int end() {
        Process ending = process;
        try {
            requests.close();
        } catch (IOException e) {
            // Gone already.
        }
        try {
            if (!ending.waitFor(1, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        process = null;
        return ending.onExit().join().exitValue();
    }

    /** Hands the slot's cgroup back once the sandbox has ended. */
    private void release() {
        if (group != null) {
            sandbox.groups().release(uid, group);
            group = null;
        }
    }

    /** Ends the sandbox (killing what is left) and removes the exchange directory. Never throws; idempotent. */
    @Override
    public void close() {
        try {
            if (process != null) {
                end();
            }
            release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ending the sandbox of uid " + uid + " failed", e);
        } finally {
            exchange.remove();
        }
    }
}
