package dev.arena.judge;

import dev.arena.judge.lang.LanguageRuntime;
import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.TestCase;
import dev.arena.judge.sandbox.Limits;
import dev.arena.judge.sandbox.Program;
import dev.arena.judge.sandbox.RunReport;
import dev.arena.judge.sandbox.Sandbox;
import dev.arena.judge.sandbox.Session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One submission on one slot: compile once (a sandbox of its own, /box writable), then run the tests
 * in order in one sandbox (/box read-only), stopping at the first failure. A compile step that only
 * checks the source (Python, JavaScript) is instead the first run of the tests' sandbox, which the
 * slot may have started before the judging came ({@link #startAhead}).
 *
 * <p>The sandboxes and the workspace of a judging outlive {@link #run}: ending a sandbox and deleting its
 * files take milliseconds (tens on a VM where each page fault traps), which the verdict does not wait for.
 * {@link #close} ends them; the slot stays taken until it has.
 */
final class Judging implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Judging.class.getName());
    static final int COMPILE_OUTPUT_LIMIT = 8 * 1024;
    private static final int STDERR_HEAD = 16 * 1024;
    private static final Limits COMPILE_LIMITS =
            new Limits(20_000, 40_000, 1024L << 20, 0, 64, 64L << 20, 256L << 20);

    private final Sandbox sandbox;
    private final int uid;
    private final JudgeSettings settings;
    /** What {@link #run} opened, closed by {@link #close} in reverse order. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    Judging(Sandbox sandbox, int uid, JudgeSettings settings) {
        this.sandbox = sandbox;
        this.uid = uid;
        this.settings = settings;
    }

    /**
     * @param ahead the slot's sandbox started ahead of this judging, or null; used if it is the sandbox
     *              this judging's tests get, else closed first
     */
    JudgeResult run(Problem problem, LanguageRuntime runtime, String code, ProgressListener listener,
                    WarmSandbox ahead) throws IOException, InterruptedException {
        WarmSandbox warm = usable(ahead, problem, runtime);
        // Closing the sandbox started ahead closes its session and its workspace.
        Workspace workspace = warm != null ? opened(warm).workspace()
                : opened(Workspace.create(settings.workRoot(), uid));
        workspace.writeSource(runtime.sourceFile(), code);
        Program tests = testsProgram(runtime, problem.timeLimitMs(), problem.memoryLimitMb(), workspace.box());
        if (!testsSandboxFirst(runtime)) {
            RunReport compiled = sandbox.run(uid, new Program(runtime.compileCommand(), workspace.box(), true,
                    runtime.readOnlyPaths(), Map.of(), COMPILE_LIMITS), null, workspace.io("compile.out"),
                    workspace.io("compile.err"));
            String compileOutput = compileOutput(workspace.io("compile.out"), workspace.io("compile.err"), compiled);
            JudgeResult failed = compileFailure(problem, runtime, compiled, compileOutput);
            if (failed != null) {
                return failed;
            }
            return runTests(problem, runtime, opened(sandbox.open(uid, tests)), compileOutput, listener);
        }
        // A check that writes nothing is the first run of the tests' sandbox: one sandbox start, not two.
        Session session = warm != null ? warm.session() : opened(sandbox.open(uid, tests));
        String compileOutput = "";
        if (runtime.compiles()) {
            RunReport checked = session.run(runtime.compileCommand(), COMPILE_LIMITS, null);
            compileOutput = compileOutput(session.stdout(), session.stderr(), checked);
            JudgeResult failed = compileFailure(problem, runtime, checked, compileOutput);
            if (failed != null) {
                return failed;
            }
        }
        return runTests(problem, runtime, session, compileOutput, listener);
    }

    /** Ends the sandboxes and deletes the workspace of {@link #run}, whether it returned or threw. Never throws. */
    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cleaning up after a judging on uid " + uid + " failed", e);
            }
        }
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.push(resource);
        return resource;
    }

    /**
     * Whether a judging in this language starts with its tests' sandbox (no compile step that writes
     * /box), which can then be started before the judging.
     */
    static boolean testsSandboxFirst(LanguageRuntime runtime) {
        return !runtime.compiles() || runtime.compileOnlyChecks();
    }

    /**
     * Starts, in a new workspace, the sandbox that the tests of a judging in this language and memory
     * limit will get, before that judging comes.
     */
    WarmSandbox startAhead(LanguageRuntime runtime, int memoryLimitMb) throws IOException, InterruptedException {
        Workspace workspace = Workspace.create(settings.workRoot(), uid);
        Session session = null;
        try {
            // The time limit is sent with each run: any will do here.
            session = sandbox.open(uid, testsProgram(runtime, 1000, memoryLimitMb, workspace.box()));
            session.start();
            return new WarmSandbox(workspace, session);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (session != null) {
                session.close();
            }
            workspace.close();
            throw e;
        }
    }

    /** The sandbox started ahead if this judging's tests can run in it; else null, and it is closed. */
    private WarmSandbox usable(WarmSandbox ahead, Problem problem, LanguageRuntime runtime) {
        if (ahead == null) {
            return null;
        }
        if (testsSandboxFirst(runtime) && ahead.session().switchTo(testsProgram(runtime, problem.timeLimitMs(),
                problem.memoryLimitMb(), ahead.workspace().box()))) {
            return ahead;
        }
        ahead.close();
        return null;
    }

    /** @return the result of a compile step that failed, null if it succeeded */
    private static JudgeResult compileFailure(Problem problem, LanguageRuntime runtime, RunReport compiled,
                                              String compileOutput) {
        if (compiled.sandboxFailed()) {
            LOG.log(Level.WARNING, "sandbox failed while compiling {0}: {1}",
                    new Object[]{runtime.id(), compileOutput});
            return JudgeResult.failedBeforeTests(Verdict.INTERNAL_ERROR, problem.tests().size(), "");
        }
        if (!compiled.exitedCleanly()) {
            return JudgeResult.failedBeforeTests(Verdict.COMPILATION_ERROR, problem.tests().size(), compileOutput);
        }
        return null;
    }

    private JudgeResult runTests(Problem problem, LanguageRuntime runtime, Session session, String compileOutput,
                                 ProgressListener listener) throws IOException, InterruptedException {
        List<TestResult> results = new ArrayList<>();
        Verdict overall = Verdict.ACCEPTED;
        long maxTime = 0;
        long maxMemoryKb = 0;
        for (TestCase test : problem.tests()) {
            RunReport report = session.run(test.input());
            Path stdout = session.stdout();
            Path stderr = session.stderr();
            Verdict verdict = RunClassifier.classify(report, runtime, head(stderr, STDERR_HEAD),
                    () -> problem.checker().accepts(readLoose(test.answer()), readLoose(stdout)));
            if (LOG.isLoggable(Level.FINE) && !verdict.isAccepted()) {
                LOG.log(Level.FINE, "{0} test {1}: {2} after {3}; stderr: {4}",
                        new Object[]{problem.id(), test.index(), verdict, report, head(stderr, 1024)});
            }
            if (verdict == Verdict.INTERNAL_ERROR) {
                LOG.log(Level.WARNING, "sandbox failed on test {0} of {1}: {2}",
                        new Object[]{test.index(), problem.id(), head(stderr, 2048)});
            }
            long memoryKb = report.peakMemoryBytes() / 1024;
            results.add(new TestResult(test.index(), verdict, report.cpuTimeMs(), memoryKb));
            maxTime = Math.max(maxTime, report.cpuTimeMs());
            maxMemoryKb = Math.max(maxMemoryKb, memoryKb);
            notify(listener, test.index(), verdict);
            if (!verdict.isAccepted()) {
                overall = verdict;
                break;
            }
        }
        int passed = (int) results.stream().filter(r -> r.verdict().isAccepted()).count();
        return new JudgeResult(overall, passed, problem.tests().size(), maxTime, maxMemoryKb, compileOutput, results);
    }

    private Program testsProgram(LanguageRuntime runtime, long timeLimitMs, int memoryLimitMb, Path box) {
        long cpuMs = runtime.timeLimitMs(timeLimitMs);
        Limits limits = new Limits(cpuMs, 2 * cpuMs + 1000, runtime.memoryLimitBytes(memoryLimitMb),
                runtime.addressSpaceBytes(memoryLimitMb), 64, settings.outputLimitBytes(), 64L << 20);
        return new Program(runtime.runCommand(memoryLimitMb), box, false, runtime.readOnlyPaths(), Map.of(), limits);
    }

    private static void notify(ProgressListener listener, int index, Verdict verdict) {
        try {
            listener.testFinished(index, verdict);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "progress listener failed", e);
        }
    }

    private static String compileOutput(Path stdout, Path stderr, RunReport compiled) throws IOException {
        StringBuilder text = new StringBuilder(head(stdout, COMPILE_OUTPUT_LIMIT));
        text.append(head(stderr, COMPILE_OUTPUT_LIMIT));
        if (compiled.cpuLimitHit() || compiled.wallLimitHit()) {
            text.append("\n[compilation stopped: time limit]");
        } else if (compiled.oomKilled()) {
            text.append("\n[compilation stopped: memory limit]");
        }
        return text.length() > COMPILE_OUTPUT_LIMIT
                ? text.substring(0, COMPILE_OUTPUT_LIMIT) + "\n[truncated]" : text.toString();
    }

    /** The first bytes of a file as text, replacing what is not UTF-8. */
    static String head(Path file, int maxBytes) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
        }
    }

    /** Byte-for-byte as Latin-1, so any output (even invalid UTF-8) compares without decoding errors. */
    private static String readLoose(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
