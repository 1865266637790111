package dev.arena.rooms.ws;

import dev.arena.rooms.Member;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A WebSocket session as a room {@link Member}; a client too slow to read is closed with 1013 {@code slow}. */
final class SocketMember implements Member {

    private static final Logger LOG = Logger.getLogger(SocketMember.class.getName());
    static final CloseReason SLOW = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "slow");
    private static final CloseReason IDLE = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "idle");

    private final Session session;
    private final String user;
    private final OutboundQueue outbound;
    private final SocketMetrics metrics;
    private final long idleTimeoutNanos;
    private volatile long lastHeard = System.nanoTime();

    SocketMember(Session session, String user, long outboundLimitBytes, long idleTimeoutMillis,
                 SocketMetrics metrics) {
        this.session = session;
        this.user = user;
        this.metrics = metrics;
        this.idleTimeoutNanos = idleTimeoutMillis * 1_000_000;
        this.outbound = new OutboundQueue(session.getAsyncRemote(), outboundLimitBytes, this::failed);
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public void send(String frame) {
        outbound.send(frame);
    }

    /** The client sent something (a frame or the pong to a ping): it is alive. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /**
     * Pings, or closes a socket that has answered nothing, not even pings, for the idle timeout: its client is
     * gone without a word (a dead network path leaves the TCP connection open).
     */
    @Override
    public void keepAlive() {
        if (System.nanoTime() - lastHeard > idleTimeoutNanos) {
            close(IDLE);
            return;
        }
        outbound.ping();
    }

    private void failed(String reason) {
        if ("slow".equals(reason)) {
            metrics.countSlowClose();
            LOG.log(Level.INFO, "Closing the socket of {0}: it stopped reading", user);
        }
        close(SLOW);
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close of a socket failed: {0}", e.getMessage());
        }
    }
}
