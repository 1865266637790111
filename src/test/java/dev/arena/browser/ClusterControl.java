package dev.arena.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Disturbs the cluster as an operator would, through {@code bin/cluster} run from the repository root (the
 * test JVM's working directory; {@code -Darena.cluster=...} names another). Output goes to
 * {@code target/system-tests/} and is quoted when the command fails.
 */
final class ClusterControl {

    private static final Logger LOG = Logger.getLogger(ClusterControl.class.getName());
    private static final String COMMAND = System.getProperty("arena.cluster", "bin/cluster");
    private static final Path LOG_DIR = Path.of("target", "system-tests");

    private ClusterControl() {
    }

    /** {@code bin/cluster kill ws-N}: kill -9. */
    static void kill(String instance) {
        run(Duration.ofSeconds(60), "kill", instance);
    }

    /** {@code bin/cluster start ws-N}: returns once the instance reports healthy. */
    static void start(String instance) {
        run(Duration.ofSeconds(240), "start", instance);
    }

    private static void run(Duration timeout, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(COMMAND));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(LOG_DIR);
            Path output = LOG_DIR.resolve("browser-cluster-" + String.join("-", args) + "-" + System.nanoTime() + ".log");
            LOG.log(Level.INFO, "running {0}", command);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " exited " + process.exitValue() + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + " from " + Path.of("").toAbsolutePath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
