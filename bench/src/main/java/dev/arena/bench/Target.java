package dev.arena.bench;

import dev.arena.bench.ws.SocketLoop;
import dev.arena.identity.TokenService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A system under test: its wire protocol, the ports of its instances, the pids whose CPU and memory are
 * measured, and (for Arena) the token secret. Opens client sockets spread round-robin over the instances,
 * all served by one socket loop.
 */
final class Target implements AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Target.class.getName());

    final Wire wire;
    /** The name its results go under: the wire's, unless given (the container floor speaks Arena's wire). */
    final String name;
    /**
     * Whether each room's members all go to one instance (room r to instance r mod n) instead of every room
     * spanning every instance: for servers with no bridge between their instances.
     */
    final boolean roomsTogether;
    final int[] ports;
    final long[] serverPids;
    /** -1 if the system has no Redis. */
    final long redisPid;
    private final TokenService tokens;
    private final SocketLoop loop = new SocketLoop();

    Target(Options options) throws IOException {
        this.wire = Wire.named(options.get("target", "arena"));
        this.name = options.get("name", wire.name());
        this.roomsTogether = Boolean.parseBoolean(options.get("rooms-together", "false"));
        this.ports = options.ints("ports", wire == Wire.ARENA ? "8481,8482,8483" : "9481,9482,9483");
        this.serverPids = options.longs("server-pids", "");
        this.redisPid = options.getLong("redis-pid", -1);
        String secretFile = options.get("token-secret-file", "");
        this.tokens = secretFile.isEmpty() ? null
                : new TokenService(Files.readString(Path.of(secretFile)).strip(), Duration.ofDays(1), Clock.systemUTC());
    }

    String token(String user) {
        return tokens == null ? "" : tokens.issue(user);
    }

    /**
     * Opens {@code count} sockets, socket i to instance i mod n (unless told otherwise), in the room {@code roomOf(i)}, at most
     * {@code parallel} handshakes at a time, and waits until each is ready (Arena: welcome; Socket.IO:
     * namespace connected). Up to {@code allowedFailures} sockets may fail to open; they are left out.
     */
    List<Conn> open(int count, java.util.function.IntFunction<String> roomOf, java.util.function.IntFunction<String> userOf,
                    Conn.Receiver onFrame, int parallel, Duration timeout, int allowedFailures)
            throws InterruptedException {
        return open(count, i -> i % ports.length, roomOf, userOf, onFrame, parallel, timeout, allowedFailures);
    }

    /** As above, socket i going to instance {@code instanceOf(i)}. */
    List<Conn> open(int count, java.util.function.IntUnaryOperator instanceOf, java.util.function.IntFunction<String> roomOf,
                    java.util.function.IntFunction<String> userOf, Conn.Receiver onFrame, int parallel,
                    Duration timeout, int allowedFailures) throws InterruptedException {
        List<Conn> conns = new ArrayList<>(count);
        Semaphore permits = new Semaphore(parallel);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count; i++) {
            if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("timed out opening sockets: " + i + " of " + count + " started");
            }
            Conn conn = new Conn(i, wire, onFrame);
            conns.add(conn);
            String user = userOf.apply(i);
            int port = ports[instanceOf.applyAsInt(i) % ports.length];
            conn.ready.whenComplete((c, e) -> permits.release());
            conn.connect(loop, wire.uri(port, roomOf.apply(i), user, token(user)));
        }
        int failed = 0;
        Throwable first = null;
        List<Conn> opened = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Conn conn = awaitOrRetry(conns.get(i), instanceOf, roomOf, userOf, onFrame, deadline);
            if (conn.ready.isCompletedExceptionally() || !conn.ready.isDone()) {
                failed++;
                Throwable cause = conn.ready.handle((c, e) -> e).getNow(null);
                first = first == null ? cause : first;
                conn.close();
            } else {
                opened.add(conn);
            }
        }
        if (failed > allowedFailures) {
            opened.forEach(Conn::close);
            throw new IllegalStateException(failed + " of " + count + " sockets failed to open; first: " + first);
        }
        if (failed > 0) {
            LOG.log(java.util.logging.Level.WARNING, "{0} of {1} sockets failed to open and are left out; first: {2}",
                    new Object[]{failed, count, first});
        }
        return opened;
    }

    /**
     * Waits for the socket; a socket the server closed before it was ready (seen under load: close 1000
     * "Session closed by the container because of the idle timeout" within seconds of the handshake) is
     * opened again, up to three times, and the retry is logged.
     */
    private Conn awaitOrRetry(Conn conn, java.util.function.IntUnaryOperator instanceOf,
                              java.util.function.IntFunction<String> roomOf, java.util.function.IntFunction<String> userOf,
                              Conn.Receiver onFrame, long deadline) throws InterruptedException {
        Conn current = conn;
        for (int attempt = 1; ; attempt++) {
            try {
                current.ready.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return current;
            } catch (java.util.concurrent.TimeoutException e) {
                return current;
            } catch (java.util.concurrent.ExecutionException e) {
                int i = current.index;
                LOG.log(java.util.logging.Level.INFO, "socket {0} (port {1}) failed to open, attempt {2}: {3}",
                        new Object[]{i, Integer.toString(ports[instanceOf.applyAsInt(i) % ports.length]), attempt,
                                e.getCause() == null ? e.toString() : e.getCause().getMessage()});
                if (attempt >= 3 || System.nanoTime() >= deadline) {
                    return current;
                }
                current.close();
                current = new Conn(i, wire, onFrame);
                String user = userOf.apply(i);
                current.connect(loop, wire.uri(ports[instanceOf.applyAsInt(i) % ports.length], roomOf.apply(i), user,
                        token(user)));
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
