package dev.arena.judge;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Engine settings. Defaults: 2 slots, slot uids from 61000, work files under
 * {@code <java.io.tmpdir>/arena-judge}, Java submissions compiled and run by the JDK that runs
 * the engine, 16 MiB output cap.
 *
 * @param slots       concurrent judgings; slot {@code i} runs as uid and gid {@code firstUid + i}
 * @param firstUid    where the search for free slot uids starts; the uids from here upwards must
 *                    belong to no user of the host (judges on one host claim distinct uids)
 * @param workRoot    where each judging gets its own directory (removed afterwards)
 * @param javaHome    JDK with {@code bin/javac} and {@code bin/java}
 * @param outputLimitBytes a program writing this much to stdout gets {@code OUTPUT_LIMIT_EXCEEDED}
 */
public record JudgeSettings(int slots, int firstUid, Path workRoot, Path javaHome, long outputLimitBytes) {

    public static final int DEFAULT_SLOTS = 2;
    public static final int DEFAULT_FIRST_UID = 61000;
    public static final long DEFAULT_OUTPUT_LIMIT_BYTES = 16L << 20;

    public JudgeSettings {
        if (slots < 1 || firstUid < 1000 || outputLimitBytes < 1024) {
            throw new IllegalArgumentException("bad judge settings: " + slots + " slots, first uid " + firstUid);
        }
    }

    public static JudgeSettings defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads {@code judge.workers}, {@code judge.first-uid}, {@code judge.work-dir},
     * {@code judge.java-home} and {@code judge.output-limit-bytes} from a configuration lookup
     * (MicroProfile Config in the application, {@link #systemLookup()} elsewhere).
     */
    public static JudgeSettings from(Function<String, Optional<String>> config) {
        return new JudgeSettings(
                config.apply("judge.workers").map(Integer::parseInt).orElse(DEFAULT_SLOTS),
                config.apply("judge.first-uid").map(Integer::parseInt).orElse(DEFAULT_FIRST_UID),
                config.apply("judge.work-dir").map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "arena-judge")),
                config.apply("judge.java-home").map(Path::of).orElse(Path.of(System.getProperty("java.home"))),
                config.apply("judge.output-limit-bytes").map(Long::parseLong).orElse(DEFAULT_OUTPUT_LIMIT_BYTES));
    }

    /**
     * System properties, then environment variables named by the MicroProfile rule
     * ({@code judge.work-dir} -> {@code JUDGE_WORK_DIR}).
     */
    public static Function<String, Optional<String>> systemLookup() {
        return key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase())))
                .filter(value -> !value.isBlank());
    }

    public JudgeSettings withSlots(int count) {
        return new JudgeSettings(count, firstUid, workRoot, javaHome, outputLimitBytes);
    }

    public JudgeSettings withWorkRoot(Path root) {
        return new JudgeSettings(slots, firstUid, root, javaHome, outputLimitBytes);
    }

    public JudgeSettings withFirstUid(int uid) {
        return new JudgeSettings(slots, uid, workRoot, javaHome, outputLimitBytes);
    }

    public JudgeSettings withJavaHome(Path home) {
        return new JudgeSettings(slots, firstUid, workRoot, home, outputLimitBytes);
    }
}
