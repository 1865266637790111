package dev.arena.bench;

import dev.arena.judge.Judge;
import dev.arena.judge.JudgeResult;
import dev.arena.judge.JudgeSettings;
import dev.arena.judge.ProgressListener;
import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.sandbox.Limits;
import dev.arena.judge.sandbox.Program;
import dev.arena.judge.sandbox.RunReport;
import dev.arena.judge.sandbox.Sandbox;
import dev.arena.judge.sandbox.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sandbox's cost per run, the way the judge runs a submission: the compiled A+B program once per test
 * input of the problem (10), one run after another. Each iteration times, from the caller's side:
 * <ul>
 *   <li>bare: the inputs run as plain child processes (same redirections, the sandbox's environment and
 *   binary);</li>
 *   <li>sandboxed: one sandbox for all of them ({@link Sandbox#open}: slot cgroup, prlimit, setpriv,
 *   bubblewrap, the runner, one run per input, the sandbox's end), as the engine runs a submission's
 *   tests;</li>
 *   <li>the same without cgroups ({@link Sandbox#withoutCgroups()});</li>
 *   <li>a sandbox for a single run (input 01), as the engine runs a compile step.</li>
 * </ul>
 * Per run = a series' time divided by the number of inputs; overhead = sandboxed per run minus bare per
 * run, p50 over the iterations. The python program runs in a fork of the runner's interpreter, so its
 * sandboxed runs skip the interpreter start-up each bare run pays, and its overhead can be negative.
 * Limits as the engine sets them for A + B (1 s, 256 MiB).
 */
final class SandboxBench {

    record Result(String language, int runs, int inputs, long bareP50Micros, long rlimitsOnlyP50Micros,
                  long sandboxP50Micros, long singleP50Micros, long bareSingleP50Micros, String cgroups) {

        long overheadP50Micros() {
            return sandboxP50Micros - bareP50Micros;
        }

        long singleOverheadP50Micros() {
            return singleP50Micros - bareSingleP50Micros;
        }
    }

    private SandboxBench() {
    }

    static Result run(String language, Path problem, int runs, int uid) throws Exception {
        Path box = Files.createTempDirectory(Path.of("/tmp"), "arena-bench-box-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path io = Files.createTempDirectory("arena-bench-io-");
        Sandbox sandbox = Sandbox.detect();
        try {
            Program program = program(language, problem.resolve("solutions"), box);
            List<Path> inputs = inputs(problem.resolve("tests"));
            Path stdout = io.resolve("out");
            Path stderr = io.resolve("err");
            // The same process chain without cgroups: tells the cgroups' share of the cost from the chain's.
            Sandbox rlimitsOnly = Sandbox.withoutCgroups();
            // The bare run gets the sandbox's environment and the binary its PATH finds, not the caller's
            // (a version manager's shim on the caller's PATH would be measured instead of the program).
            List<String> bareCommand = new ArrayList<>(program.command());
            bareCommand.set(0, resolve(bareCommand.getFirst(), box));
            Histogram bare = new Histogram();
            Histogram bareSingle = new Histogram();
            Histogram chainOnly = new Histogram();
            Histogram boxed = new Histogram();
            Histogram single = new Histogram();
            for (int i = 0; i < runs + 2; i++) {
                long t0 = System.nanoTime();
                for (Path input : inputs) {
                    runBare(bareCommand, box, input, stdout, stderr);
                }
                long bareMicros = (System.nanoTime() - t0) / 1000;
                t0 = System.nanoTime();
                runBare(bareCommand, box, inputs.getFirst(), stdout, stderr);
                long bareSingleMicros = (System.nanoTime() - t0) / 1000;
                long boxedMicros = series(sandbox, uid, program, inputs);
                long chainMicros = series(rlimitsOnly, uid, program, inputs);
                t0 = System.nanoTime();
                check(sandbox.run(uid, program, inputs.getFirst(), stdout, stderr), stderr);
                long singleMicros = (System.nanoTime() - t0) / 1000;
                if (i >= 2) {
                    bare.record(bareMicros / inputs.size());
                    bareSingle.record(bareSingleMicros);
                    boxed.record(boxedMicros / inputs.size());
                    chainOnly.record(chainMicros / inputs.size());
                    single.record(singleMicros);
                }
            }
            return new Result(language, runs, inputs.size(), bare.percentile(0.5), chainOnly.percentile(0.5),
                    boxed.percentile(0.5), single.percentile(0.5), bareSingle.percentile(0.5), sandbox.describe());
        } finally {
            sandbox.release(uid);
            deleteTree(box);
            deleteTree(io);
        }
    }

    /**
     * Submit -> verdict inside the engine (no queue, no events): {@code Judge#judge} of the reference
     * solution on the problem, one at a time and a pause apart (as in the end-to-end measurement), p50
     * in microseconds. The judge has an instance's slots (two).
     */
    static long judge(String language, Path problem, int runs, int firstUid) throws Exception {
        Problem target = ProblemCatalog.load(problem.getParent()).find(problem.getFileName().toString()).orElseThrow();
        String source = Files.readString(problem.resolve("solutions").resolve(language.equals("cpp") ? "main.cpp" : "main.py"));
        Path work = Files.createTempDirectory(Path.of("/tmp"), "arena-bench-judge-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        try (Judge judge = Judge.start(JudgeSettings.defaults().withFirstUid(firstUid).withWorkRoot(work))) {
            Histogram latency = new Histogram();
            for (int i = 0; i < runs + 1; i++) {
                Thread.sleep(300);
                long t0 = System.nanoTime();
                JudgeResult result = judge.judge(target, language, source, ProgressListener.NONE);
                long micros = (System.nanoTime() - t0) / 1000;
                if (!result.verdict().isAccepted()) {
                    throw new IOException(language + " reference solution not accepted: " + result);
                }
                if (i >= 1) {
                    latency.record(micros);
                }
            }
            return latency.percentile(0.5);
        } finally {
            deleteTree(work);
        }
    }

    private static Program program(String language, Path solutions, Path box) throws IOException, InterruptedException {
        if (language.equals("cpp")) {
            Files.copy(solutions.resolve("main.cpp"), box.resolve("main.cpp"));
            Process gcc = new ProcessBuilder("g++", "-O2", "-std=c++17", "-pipe", "-o", "main", "main.cpp")
                    .directory(box.toFile()).inheritIO().start();
            if (gcc.waitFor() != 0) {
                throw new IOException("g++ failed");
            }
            return new Program(List.of("./main"), box, false, List.of(), Map.of(),
                    new Limits(1000, 3000, (256L + 32) << 20, (256L + 96) << 20, 64, 16L << 20, 64L << 20));
        }
        Files.copy(solutions.resolve("main.py"), box.resolve("main.py"));
        return new Program(List.of("python3", "-B", "main.py"), box, false, List.of(), Map.of(),
                new Limits(3000, 7000, (256L + 32) << 20, (256L + 96) << 20, 64, 16L << 20, 64L << 20));
    }

    private static List<Path> inputs(Path tests) throws IOException {
        try (Stream<Path> files = Files.list(tests)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".in")).sorted().toList();
        }
    }

    private static void runBare(List<String> command, Path box, Path input, Path stdout, Path stderr)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(box.toFile())
                .redirectInput(input.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp",
                "TMPDIR", "/tmp", "LANG", "C.UTF-8"));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IOException("bare run failed, exit " + exit + ": " + Files.readString(stderr));
        }
    }

    /** One sandbox, one run per input; microseconds from open to close. */
    private static long series(Sandbox sandbox, int uid, Program program, List<Path> inputs)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try (Session session = sandbox.open(uid, program)) {
            for (Path input : inputs) {
                check(session.run(input), session.stderr());
            }
        }
        return (System.nanoTime() - t0) / 1000;
    }

    private static void check(RunReport report, Path stderr) throws IOException {
        if (report.exitCode() != 0 || report.sandboxFailed()) {
            throw new IOException("sandboxed run failed: " + report + ": " + Files.readString(stderr));
        }
    }

    private static String resolve(String program, Path box) {
        if (program.startsWith("./")) {
            return box.resolve(program.substring(2)).toString();
        }
        return onSandboxPath(program);
    }

    /** The file the sandbox's PATH finds for a program name (the name itself if none). */
    static String onSandboxPath(String program) {
        for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
