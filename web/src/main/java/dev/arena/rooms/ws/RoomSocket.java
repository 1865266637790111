package dev.arena.rooms.ws;

import dev.arena.identity.TokenService;
import dev.arena.rooms.Connection;
import dev.arena.rooms.RoomHub;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client socket at {@code /ws} (room-sticky entry: joins {@code ?room=} on open) or {@code /ws/geo}
 * (country-sticky entry: the front proxy adds {@code ?country=}). One instance per connection.
 */
public class RoomSocket extends Endpoint {

    private static final Logger LOG = Logger.getLogger(RoomSocket.class.getName());
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final CloseReason UNAUTHORIZED =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized");

    private static final CloseReason TOO_BIG =
            new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frame larger than 64 KiB");

    private final RoomHub hub;
    private final TokenService tokens;
    private final SocketMetrics metrics;
    private final SocketSettings settings;
    private volatile Connection connection;

    RoomSocket(RoomHub hub, TokenService tokens, SocketMetrics metrics, SocketSettings settings) {
        this.hub = hub;
        this.tokens = tokens;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Optional<String> user = tokens.verify(parameter(session, "token"));
        if (user.isEmpty()) {
            metrics.countUnauthorized();
            close(session, UNAUTHORIZED);
            return;
        }
        // Larger messages are refused with 1009 (too big) before they are buffered whole.
        session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
        // The container re-arms its idle timer on every frame sent, which costs more than the send itself on a
        // busy room; idleness is checked once per ping interval instead (SocketMember.keepAlive). Negative, not
        // zero: this container still schedules a timer task per frame for zero.
        session.setMaxIdleTimeout(-1);
        SocketMember member = new SocketMember(session, user.get(), settings.outboundLimitBytes(),
                settings.idleTimeoutMillis(), metrics);
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> member.heard());
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            member.heard();
            onText(session, text);
        });
        connection = hub.open(member, parameter(session, "room"), country(session));
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Connection open = connection;
        if (open != null) {
            hub.close(open);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "Socket error: {0}", String.valueOf(error));
    }

    private void onText(Session session, String text) {
        // The container's own message-size limit is not enforced for single frames, so check here.
        if (text.length() > MAX_FRAME_BYTES / 4 && utf8Length(text) > MAX_FRAME_BYTES) {
            close(session, TOO_BIG);
            return;
        }
        hub.onFrame(connection, text);
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String country(Session session) {
        String country = parameter(session, "country");
        return country != null && country.matches("[A-Z]{2}") ? country : null;
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Close failed: {0}", e.getMessage());
        }
    }
}
