package dev.arena.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Python solution's tests with no judge at all ({@code program_alone.py}: a fork of a warm interpreter per
 * test, no sandbox), one at a time and two at a time: the floor under the judge's Python latency on this host.
 */
final class ProgramAlone {

    record Result(long oneAtATimeMicros, long twoAtATimeMicros) {
    }

    private static final String SCRIPT = "program_alone.py";

    private ProgramAlone() {
    }

    static Result run(Path solution, Path tests, int series) throws IOException, InterruptedException {
        String script;
        try (InputStream in = ProgramAlone.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the load tool's jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The interpreter the sandbox runs (not a version manager's shim on the caller's PATH); -c keeps the
        // script in the jar. Its argv[0] is then "-c", so the arguments start at argv[1] as for a file.
        Process process = new ProcessBuilder(SandboxBench.onSandboxPath("python3"), "-I", "-S", "-B", "-c", script,
                solution.toString(), tests.toString(), Integer.toString(series))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = process.waitFor();
        String[] fields = output.split(" ");
        if (exit != 0 || fields.length != 2) {
            throw new IOException(SCRIPT + " failed (exit " + exit + "): " + output);
        }
        return new Result(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    }
}
