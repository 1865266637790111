package dev.arena.bench.floor;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container floor of the fan-out benchmark: what Payara Micro's WebSocket container costs for the frames
 * of Arena's rooms and nothing else. It speaks just enough of Arena's wire for the load tool ({@code /ws?room=},
 * a welcome frame, {@code publish} in, {@code message} out with the publish's {@code data}) and keeps each
 * room on one instance, so there is no Redis and no bridge: per publish, an instance reads one frame and
 * writes one per member, as Arena's instances do between them.
 *
 * <p>It writes the way Arena does, so that the floor is the container's and not a slower use of it: from one
 * thread per instance (the publish is handed to it, as Arena's Redis subscriber receives it), through the async
 * remote, with the container's per-frame idle timer off (session idle timeout -1). With blocking sends from
 * the frame's own thread and the default idle timeout, the same traffic cost four to five times as much CPU
 * (docs/benchmarks.md).
 */
@ServerEndpoint("/ws")
public class BroadcastEndpoint {

    private static final Logger LOG = Logger.getLogger(BroadcastEndpoint.class.getName());
    private static final String ROOM = "room";
    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();
    private static final BlockingQueue<Delivery> DELIVERIES = new LinkedBlockingQueue<>();
    private static final String DATA = "\"data\":";

    private record Delivery(String room, String frame) {
    }

    static {
        Thread writer = new Thread(BroadcastEndpoint::writeDeliveries, "floor-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @OnOpen
    public void open(Session session) {
        List<String> room = session.getRequestParameterMap().get(ROOM);
        if (room == null || room.isEmpty()) {
            refuse(session);
            return;
        }
        session.setMaxIdleTimeout(-1);
        session.getUserProperties().put(ROOM, room.getFirst());
        ROOMS.computeIfAbsent(room.getFirst(), name -> ConcurrentHashMap.newKeySet()).add(session);
        session.getAsyncRemote().sendText("{\"type\":\"welcome\"}", result -> { });
    }

    @OnMessage
    public void publish(Session session, String frame) {
        // The publish's data is the rest of the frame after "data": (the load tool writes it last).
        int at = frame.indexOf(DATA);
        if (at < 0 || !frame.endsWith("}")) {
            return;
        }
        String data = frame.substring(at + DATA.length(), frame.length() - 1);
        DELIVERIES.add(new Delivery((String) session.getUserProperties().get(ROOM),
                "{\"type\":\"message\",\"data\":" + data + "}"));
    }

    @OnClose
    public void leave(Session session) {
        Object room = session.getUserProperties().get(ROOM);
        Set<Session> members = room == null ? null : ROOMS.get((String) room);
        if (members != null) {
            members.remove(session);
        }
    }

    private static void writeDeliveries() {
        while (true) {
            Delivery delivery;
            try {
                delivery = DELIVERIES.take();
            } catch (InterruptedException e) {
                return;
            }
            for (Session member : ROOMS.getOrDefault(delivery.room(), Set.of())) {
                try {
                    member.getAsyncRemote().sendText(delivery.frame(), result -> { });
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a member closing: {0}", e.toString());
                }
            }
        }
    }

    private static void refuse(Session session) {
        try {
            session.close();
        } catch (java.io.IOException e) {
            LOG.log(Level.FINE, "close failed: {0}", e.toString());
        }
    }
}
