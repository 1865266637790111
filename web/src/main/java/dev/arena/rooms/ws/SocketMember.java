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

    private final Session session;
    private final String user;
    private final OutboundQueue outbound;
    private final SocketMetrics metrics;

    SocketMember(Session session, String user, long outboundLimitBytes, SocketMetrics metrics) {
        this.session = session;
        this.user = user;
        this.metrics = metrics;
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

    @Override
    public void keepAlive() {
        outbound.ping();
    }

    private void failed(String reason) {
        if ("slow".equals(reason)) {
            metrics.countSlowClose();
            LOG.log(Level.INFO, "Closing the socket of {0}: it stopped reading", user);
        }
        try {
            session.close(SLOW);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close of a failed socket failed: {0}", e.getMessage());
        }
    }
}
