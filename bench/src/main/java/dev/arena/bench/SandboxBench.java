package dev.arena.bench;

import dev.arena.judge.sandbox.Execution;
import dev.arena.judge.sandbox.Limits;
import dev.arena.judge.sandbox.RunReport;
import dev.arena.judge.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's cost per run: the same compiled program run bare (a plain child process with the same
 * redirections) and through the engine's {@link Sandbox} (cgroup, prlimit, setpriv, bubblewrap, reaping),
 * alternately, timed from the caller's side; also the same chain without cgroups ({@link Sandbox#withoutCgroups()}). Limits as the engine sets them for A + B (1 s, 256 MiB).
 */
final class SandboxBench {

    record Result(String language, int runs, long bareP50Micros, long rlimitsOnlyP50Micros, long sandboxP50Micros,
                  long bareMeanMicros, long sandboxMeanMicros, String cgroups) {

        long overheadP50Micros() {
            return sandboxP50Micros - bareP50Micros;
        }
    }

    private SandboxBench() {
    }

    static Result run(String language, Path solutions, Path input, int runs, int uid) throws Exception {
        Path box = Files.createTempDirectory(Path.of("/tmp"), "arena-bench-box-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path io = Files.createTempDirectory("arena-bench-io-");
        try {
            List<String> command;
            Limits limits;
            if (language.equals("cpp")) {
                Files.copy(solutions.resolve("main.cpp"), box.resolve("main.cpp"));
                Process gcc = new ProcessBuilder("g++", "-O2", "-std=c++17", "-pipe", "-o", "main", "main.cpp")
                        .directory(box.toFile()).inheritIO().start();
                if (gcc.waitFor() != 0) {
                    throw new IOException("g++ failed");
                }
                command = List.of("./main");
                limits = new Limits(1000, 3000, (256L + 32) << 20, (256L + 96) << 20, 64, 64L << 20, 64L << 20);
            } else {
                Files.copy(solutions.resolve("main.py"), box.resolve("main.py"));
                command = List.of("python3", "-B", "main.py");
                limits = new Limits(3000, 7000, (256L + 32) << 20, (256L + 96) << 20, 64, 64L << 20, 64L << 20);
            }
            Path stdout = io.resolve("out");
            Path stderr = io.resolve("err");
            Sandbox sandbox = Sandbox.detect();
            // The same process chain without cgroups: tells the cgroups' share of the cost from the chain's.
            Sandbox rlimitsOnly = Sandbox.withoutCgroups();
            // The bare run gets the sandbox's environment and the binary its PATH finds, not the caller's
            // (a version manager's shim on the caller's PATH would be measured instead of the program).
            List<String> bareCommand = new java.util.ArrayList<>(command);
            bareCommand.set(0, resolve(command.getFirst(), box));
            Execution execution = new Execution(command, box, false, List.of(), Map.of(), input, stdout, stderr, limits);
            Histogram bare = new Histogram();
            Histogram chainOnly = new Histogram();
            Histogram boxed = new Histogram();
            long bareTotal = 0;
            long boxedTotal = 0;
            for (int i = 0; i < runs + 2; i++) {
                long t0 = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(bareCommand).directory(box.toFile())
                        .redirectInput(input.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
                builder.environment().clear();
                builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp",
                        "TMPDIR", "/tmp", "LANG", "C.UTF-8"));
                int exit = builder.start().waitFor();
                long bareMicros = (System.nanoTime() - t0) / 1000;
                t0 = System.nanoTime();
                RunReport chain = rlimitsOnly.run(uid, execution);
                long chainMicros = (System.nanoTime() - t0) / 1000;
                t0 = System.nanoTime();
                RunReport report = sandbox.run(uid, execution);
                long boxedMicros = (System.nanoTime() - t0) / 1000;
                if (exit != 0 || report.exitCode() != 0 || chain.exitCode() != 0) {
                    throw new IOException("run failed: bare exit " + exit + ", sandbox " + report + ": "
                            + Files.readString(stderr));
                }
                if (i >= 2) {
                    bare.record(bareMicros);
                    chainOnly.record(chainMicros);
                    boxed.record(boxedMicros);
                    bareTotal += bareMicros;
                    boxedTotal += boxedMicros;
                }
            }
            return new Result(language, runs, bare.percentile(0.5), chainOnly.percentile(0.5), boxed.percentile(0.5),
                    bareTotal / runs,
                    boxedTotal / runs, sandbox.describe());
        } finally {
            deleteTree(box);
            deleteTree(io);
        }
    }

    private static String resolve(String program, Path box) {
        if (program.startsWith("./")) {
            return box.resolve(program.substring(2)).toString();
        }
        for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
