package dev.arena.rooms.ws;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The frames waiting to be written to one socket, with at most one write in flight (the container allows no
 * more). Callers never block: a frame is queued and the queue drains as writes complete. When the unsent
 * frames exceed the limit the client is not reading; the queue empties itself and reports overflow once,
 * so that memory stays bounded whatever the client does.
 *
 * <p>Draining uses a work-in-progress counter instead of recursion: a write that completes on the calling
 * thread only signals, and the loop already running picks up the next frame.
 */
final class OutboundQueue {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());
    private static final Object PING = new Object();

    private final RemoteEndpoint.Async remote;
    private final long limitBytes;
    private final Consumer<String> onFailure;
    private final Queue<Object> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private final SendHandler completion = this::completed;
    private volatile boolean inFlight;
    private volatile long inFlightBytes;
    private volatile boolean failed;

    /**
     * @param onFailure called once with {@code "slow"} on overflow or {@code "write"} when a write fails
     */
    OutboundQueue(RemoteEndpoint.Async remote, long limitBytes, Consumer<String> onFailure) {
        this.remote = remote;
        this.limitBytes = limitBytes;
        this.onFailure = onFailure;
    }

    void send(String frame) {
        if (failed) {
            return;
        }
        if (queuedBytes.addAndGet(frame.length()) > limitBytes) {
            fail("slow");
            return;
        }
        frames.add(frame);
        drain();
    }

    void ping() {
        if (!failed) {
            frames.add(PING);
            drain();
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (!inFlight && !failed) {
                Object next = frames.poll();
                if (next == null) {
                    break;
                }
                if (next == PING) {
                    sendPing();
                } else {
                    String text = (String) next;
                    inFlight = true;
                    inFlightBytes = text.length();
                    try {
                        remote.sendText(text, completion);
                    } catch (RuntimeException e) {
                        // The socket closed under us; this must not reach the broker's delivery thread.
                        inFlight = false;
                        fail("write");
                    }
                }
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void completed(SendResult result) {
        queuedBytes.addAndGet(-inFlightBytes);
        inFlight = false;
        if (!result.isOK()) {
            LOG.log(Level.FINE, "Write failed: {0}", String.valueOf(result.getException()));
            fail("write");
            return;
        }
        drain();
    }

    private void sendPing() {
        try {
            remote.sendPing(ByteBuffer.allocate(0));
        } catch (IOException | IllegalStateException e) {
            fail("write");
        }
    }

    private void fail(String reason) {
        if (failed) {
            return;
        }
        failed = true;
        frames.clear();
        queuedBytes.set(0);
        onFailure.accept(reason);
    }
}
