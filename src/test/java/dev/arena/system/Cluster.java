package dev.arena.system;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Disturbs the cluster the way an operator would, through {@code bin/cluster} run from
 * the repository root (the working directory of the test JVM). The command can be
 * replaced with {@code -Darena.cluster=/path/to/cluster}. Each run's output goes to
 * {@code target/system-tests/} and is quoted when the command fails.
 */
final class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
    private static final String COMMAND = System.getProperty("arena.cluster", "bin/cluster");
    private static final Path LOG_DIR = Path.of("target", "system-tests");
    private static final AtomicInteger RUNS = new AtomicInteger();
    /**
     * How long {@code bin/cluster start} may wait for an instance's health. Its own default
     * (120 s) is short for a busy two-core machine where a boot with the judge's self-test
     * can take longer; how fast an instance boots is not what these tests check.
     */
    private static final Duration START_DEADLINE = Duration.ofSeconds(240);

    private Cluster() {
    }

    /** {@code bin/cluster kill <instance>}: kill -9, no goodbye to anyone. */
    static void kill(String instance) {
        launch("kill", instance).awaitSuccess(Duration.ofSeconds(60));
    }

    /** {@code bin/cluster start <instance>}: returns once the instance reports healthy. */
    static void start(String instance) {
        launch("start", instance).awaitSuccess(START_DEADLINE.plusSeconds(30));
    }

    /** {@code bin/cluster restart-redis}, in the background: Redis goes down and comes back with its data. */
    static Run restartRedisInBackground() {
        return launch("restart-redis");
    }

    /** {@code bin/cluster status}: its output. */
    static String status() {
        return launch("status").awaitSuccess(Duration.ofSeconds(60));
    }

    /** Whether the cluster's Redis accepts a TCP connection now. */
    static boolean redisAcceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(Endpoints.redis(), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Leaves Redis running for the next test: waits for a restart still in progress (may be null), and starts
     * Redis if it is down all the same.
     */
    static void restoreRedis(Run restart, Duration limit) {
        if (restart != null && !restart.isFinished()) {
            restart.awaitSuccess(limit);
        }
        if (!redisAcceptsConnections()) {
            launch("start", "redis").awaitSuccess(limit);
        }
    }

    static Run launch(String... args) {
        List<String> command = new ArrayList<>();
        command.add(COMMAND);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(LOG_DIR);
            Path output = LOG_DIR.resolve("cluster-" + RUNS.incrementAndGet() + "-" + String.join("-", args) + ".log");
            LOG.info(() -> "running " + String.join(" ", command) + " (output in " + output + ")");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putIfAbsent("ARENA_HEALTH_TIMEOUT", String.valueOf(START_DEADLINE.toSeconds()));
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new Run(String.join(" ", command), process, output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + " from " + Path.of("").toAbsolutePath(), e);
        }
    }

    /** A started {@code bin/cluster} command. */
    record Run(String command, Process process, Path output) {

        boolean isFinished() {
            return !process.isAlive();
        }

        /**
         * Waits for the command to end, fails unless it exited 0 in time, and returns its
         * output. A command still running at the deadline is ended (it is this test's child).
         */
        String awaitSuccess(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + timeout.toSeconds() + " s: "
                            + output());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + command, e);
            }
            String text = readOutput();
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        }

        private String readOutput() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        }
    }
}
