package dev.arena.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure a Redis answers on {@link #PORT} before the first test class that names this extension starts, and
 * keeps it for the whole run: if nothing answers PING there, it starts {@code redis-server} without persistence
 * and stops it when every test has run. A Redis that was already there is used and left alone.
 *
 * <p>Register it before {@code ArquillianExtension} ({@code @ExtendWith({TestRedis.class,
 * ArquillianExtension.class})}): extensions run in that order, so Redis answers before Payara Micro boots.
 */
public final class TestRedis implements BeforeAllCallback {

    public static final int PORT = 6391;

    private static final Logger LOG = Logger.getLogger(TestRedis.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestRedis.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store lives as long as the whole run and closes what it holds at its end.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, type -> Server.ensureRunning(),
                Server.class);
    }

    /** The Redis of this run; closing it stops the process if this run started it. */
    static final class Server implements AutoCloseable {

        private final Process process;

        private Server(Process process) {
            this.process = process;
        }

        static Server ensureRunning() {
            if (answersPing()) {
                LOG.log(Level.INFO, "Using the Redis already answering on port {0}", String.valueOf(PORT));
                return new Server(null);
            }
            Path log = Path.of(System.getProperty("java.io.tmpdir"), "redis-" + PORT + ".log");
            Process process;
            try {
                Files.createDirectories(log.getParent());
                process = new ProcessBuilder("redis-server", "--port", String.valueOf(PORT), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start redis-server (is it installed?): " + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!answersPing()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("redis-server did not answer on port " + PORT + " within "
                            + START_TIMEOUT.toSeconds() + " s; see " + log);
                }
                pause();
            }
            LOG.log(Level.INFO, "Started redis-server (pid {0}) on port {1}",
                    new Object[]{String.valueOf(process.pid()), String.valueOf(PORT)});
            return new Server(process);
        }

        @Override
        public void close() throws InterruptedException {
            if (process == null) {
                return;
            }
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            LOG.log(Level.INFO, "Stopped redis-server (pid {0})", String.valueOf(process.pid()));
        }

        private static boolean answersPing() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
            } catch (IOException e) {
                return false;
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
    }
}
