package dev.arena.judge.lang;

import java.nio.file.Path;
import java.util.List;

/**
 * How to build and run programs of one language inside the sandbox. Immutable and thread-safe.
 *
 * <p>Commands run in the program's directory ({@code /box}); {@value #MEMORY_MB} in a run command
 * is replaced by the problem's memory limit in MiB (for runtimes that size their own heap).
 *
 * @param id                  protocol name ({@code python}, {@code java}, {@code cpp}, {@code javascript})
 * @param sourceFile          file the submitted code is written to
 * @param compileCommand      empty when the language has no build step
 * @param compileOnlyChecks   the compile step only checks the source and writes nothing: it can run
 *                            in the tests' sandbox, where /box is read-only, saving a sandbox start
 * @param runCommand          argv that runs the built program
 * @param timeFactor          multiplies the problem's time limit
 * @param extraTimeMs         added after the factor (start-up cost of the runtime)
 * @param extraMemoryMb       cgroup headroom above the problem's limit (a JVM's non-heap memory)
 * @param limitAddressSpace   whether to also set RLIMIT_AS (problem limit + headroom): makes huge
 *                            allocations fail inside the program; unusable for JVM and V8, which
 *                            reserve far more address space than they use
 * @param outOfMemoryMarkers  stderr texts by which the runtime says it ran out of its memory limit
 * @param readOnlyPaths       host paths the toolchain needs besides /usr (e.g. a JDK elsewhere)
 */
public record LanguageRuntime(String id, String sourceFile, List<String> compileCommand, boolean compileOnlyChecks,
                              List<String> runCommand,
                              double timeFactor, long extraTimeMs, int extraMemoryMb, boolean limitAddressSpace,
                              List<String> outOfMemoryMarkers, List<Path> readOnlyPaths) {

    public static final String MEMORY_MB = "{memoryMb}";

    /** Address-space headroom for shared libraries and the interpreter itself. */
    private static final long ADDRESS_SPACE_HEADROOM_MB = 96;

    public LanguageRuntime {
        compileCommand = List.copyOf(compileCommand);
        runCommand = List.copyOf(runCommand);
        outOfMemoryMarkers = List.copyOf(outOfMemoryMarkers);
        readOnlyPaths = List.copyOf(readOnlyPaths);
    }

    public boolean compiles() {
        return !compileCommand.isEmpty();
    }

    public List<String> runCommand(int memoryLimitMb) {
        return runCommand.stream().map(arg -> arg.replace(MEMORY_MB, Integer.toString(memoryLimitMb))).toList();
    }

    public long timeLimitMs(long problemTimeLimitMs) {
        return Math.round(problemTimeLimitMs * timeFactor) + extraTimeMs;
    }

    public long memoryLimitBytes(int problemMemoryLimitMb) {
        return (long) (problemMemoryLimitMb + extraMemoryMb) << 20;
    }

    /** RLIMIT_AS for a run, 0 for none. */
    public long addressSpaceBytes(int problemMemoryLimitMb) {
        return limitAddressSpace ? (problemMemoryLimitMb + ADDRESS_SPACE_HEADROOM_MB) << 20 : 0;
    }

    public boolean reportsOutOfMemory(String stderr) {
        return outOfMemoryMarkers.stream().anyMatch(stderr::contains);
    }
}
