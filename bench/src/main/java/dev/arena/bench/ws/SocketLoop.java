package dev.arena.bench.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread for every client socket: connects, handshakes, reads and parses all of them, and
 * writes what a sender could not write at once. One thread is enough for tens of thousands of deliveries
 * per second when nothing is copied or decoded that the caller does not need.
 */
public final class SocketLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SocketLoop.class.getName());
    /** For the connect and the upgrade together. */
    private static final long HANDSHAKE_TIMEOUT = Duration.ofSeconds(20).toNanos();
    /** Every socket reads into this; a frame must fit in it whole (Arena caps frames at 64 KiB, Socket.IO at 1 MB). */
    private static final int READ_BUFFER = 1 << 20;

    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer shared = ByteBuffer.allocate(READ_BUFFER);
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Sockets not yet open, oldest first: all have the same timeout, so the head expires first. */
    private final ArrayDeque<ClientSocket> handshaking = new ArrayDeque<>();
    private volatile boolean running = true;

    public SocketLoop() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::run, "socket-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a socket to {@code uri} (ws://host:port/path?query); the listener hears how it goes. */
    public ClientSocket connect(URI uri, ClientSocket.Listener listener) {
        ClientSocket socket = new ClientSocket(this, uri, listener, System.nanoTime() + HANDSHAKE_TIMEOUT);
        execute(() -> {
            handshaking.add(socket);
            socket.start(selector);
        });
        return socket;
    }

    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    void wakeup() {
        selector.wakeup();
    }

    private void run() {
        try {
            while (running) {
                turn();
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "select failed", e);
        }
        for (SelectionKey key : selector.keys()) {
            ((ClientSocket) key.attachment()).finish(1001, "the tool is closing");
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }

    /** One wait for readiness and what follows it; a method of its own so that the JIT compiles it early. */
    private void turn() throws IOException {
        selector.select(this::ready, 250);
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        if (!handshaking.isEmpty()) {
            expireHandshakes();
        }
    }

    private void ready(SelectionKey key) {
        ClientSocket socket = (ClientSocket) key.attachment();
        if (!key.isValid()) {
            return;
        }
        try {
            socket.ready(key.readyOps(), shared);
        } catch (RuntimeException e) {
            // A failing listener costs its own socket, never the loop that serves all the others.
            LOG.log(Level.WARNING, "socket " + socket + " failed", e);
            socket.fail(1011, e.toString());
        }
    }

    private void expireHandshakes() {
        long now = System.nanoTime();
        ClientSocket head;
        while ((head = handshaking.peekFirst()) != null && (!head.handshaking() || now > head.handshakeDeadline)) {
            handshaking.pollFirst();
            if (head.handshaking()) {
                head.finish(1006, "no handshake within " + HANDSHAKE_TIMEOUT / 1_000_000_000 + " s");
            }
        }
    }

    /** Stops the loop; sockets still open are dropped. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
