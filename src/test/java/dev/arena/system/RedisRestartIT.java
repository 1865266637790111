package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario (e): {@code bin/cluster restart-redis} under two members on two instances.
 * While Redis is down a publish is answered with an error frame at once, not left
 * hanging; once Redis is back, publishing and delivery resume on the same open sockets
 * without any instance restarting, and the room's offsets go on where they were.
 */
@Order(6)
class RedisRestartIT {

    private static final Logger LOG = Logger.getLogger(RedisRestartIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a publish may take to be answered while Redis is down: an answer, not a hang. */
    private static final Duration ANSWER_WHILE_DOWN = Duration.ofSeconds(5);
    private static final Duration RESTART = Duration.ofSeconds(120);
    /** Often enough to catch the second or so that restart-redis keeps Redis down. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(10);
    /** Far under the publish rate limit, so that an error while down is about Redis. */
    private static final Duration PUBLISH_INTERVAL_WHILE_DOWN = Duration.ofMillis(50);
    /** Counted from the moment restart-redis reports Redis answering again. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final OpenClients clients = new OpenClients();
    private Cluster.Run restart;

    @AfterEach
    void restoreRedis() {
        clients.close();
        Cluster.restoreRedis(restart, RESTART);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void publishesFailFastWhileRedisIsDownAndResumeOnTheSameSockets() throws Exception {
        List<URI> instances = new ArrayList<>(ArenaHttp.knownInstances().values());
        String room = Endpoints.unique("redis-restart");
        String publisherName = Endpoints.unique("rr-a");
        String listenerName = Endpoints.unique("rr-b");
        RoomClient publisher = clients.add(RoomClient.to(Endpoints.roomSocket(instances.getFirst(), room,
                ArenaHttp.token(publisherName))).as(publisherName).openWelcomed());
        RoomClient listener = clients.add(RoomClient.to(Endpoints.roomSocket(instances.getLast(), room,
                ArenaHttp.token(listenerName))).as(listenerName).openWelcomed());
        publisher.await(Frames.joined(room, listenerName), WAIT);

        publisher.publish(room, "before", Frames.markedData("before"));
        long offsetBefore = Frames.offset(publisher.await(Frames.ack("before"), WAIT));
        listener.await(Frames.marked(room, "before"), WAIT);

        restart = Cluster.restartRedisInBackground();
        List<JsonObject> answersWhileDown = publishWhileRedisIsDown(publisher, room);
        String restartOutput = restart.awaitSuccess(RESTART);
        LOG.info(() -> "restart-redis done; answers while Redis was down: " + answersWhileDown);

        assertFalse(answersWhileDown.isEmpty(),
                "Redis was never seen down while bin/cluster restart-redis ran, so nothing could be published"
                        + " meanwhile; its output:\n" + restartOutput);
        for (JsonObject answer : answersWhileDown) {
            assertEquals("error", Frames.text(answer, "type"), () -> "a publish while Redis was down: " + answer);
            assertFalse("rate_limited".equals(Frames.text(answer, "code")), () -> "paced under the limit: " + answer);
        }

        // Publishing resumes on the same socket.
        long recoveryStart = System.nanoTime();
        int[] attempt = {0};
        JsonObject firstAck = Poll.untilPasses(publisher + " gets an ack again after the restart", RECOVERY, () -> {
            String id = "after-" + ++attempt[0];
            publisher.publish(room, id, Frames.markedData(id));
            JsonObject answer = publisher.await(Frames.replyTo(id), Duration.ofSeconds(2));
            assertEquals("ack", Frames.text(answer, "type"), () -> "answer after the restart: " + answer);
            return answer;
        });
        assertTrue(Frames.offset(firstAck) > offsetBefore,
                () -> "offsets go on after the restart (the room's counter persisted): " + offsetBefore + " then "
                        + firstAck);

        // Delivery resumes across instances, both ways, within what is left of the recovery deadline.
        Duration left = positive(RECOVERY.minusNanos(System.nanoTime() - recoveryStart));
        Poll.untilPasses(listener + " receives from " + publisher + " again after the restart", left, () -> {
            String id = "deliver-" + ++attempt[0];
            publisher.publish(room, id, Frames.markedData(id));
            return listener.await(Frames.marked(room, id), Duration.ofSeconds(2));
        });
        listener.publish(room, "back", Frames.markedData("back"));
        listener.await(Frames.ack("back"), WAIT);
        publisher.await(Frames.marked(room, "back"), WAIT);

        for (RoomClient member : List.of(publisher, listener)) {
            assertTrue(member.isOpen(), () -> member + " lost its socket: " + member.closeStatus());
            assertEquals(1, member.received(Frames.welcome()).size(),
                    member + " stayed on its first connection (one welcome)");
        }
        assertNoGapsAndEveryAckDelivered(publisher, listener, room);
    }

    /**
     * Publishes one frame at a time while a probe finds Redis refusing connections, until
     * restart-redis ends; returns the server's answer to each.
     */
    private List<JsonObject> publishWhileRedisIsDown(RoomClient publisher, String room) {
        List<JsonObject> answers = new ArrayList<>();
        long deadline = System.nanoTime() + RESTART.toNanos();
        int n = 0;
        while (!restart.isFinished() && System.nanoTime() < deadline) {
            if (Cluster.redisAcceptsConnections()) {
                LockSupport.parkNanos(PROBE_INTERVAL.toNanos());
                continue;
            }
            String id = "down-" + ++n;
            publisher.publish(room, id, Frames.markedData(id));
            answers.add(publisher.await(Frames.replyTo(id), ANSWER_WHILE_DOWN));
            LockSupport.parkNanos(PUBLISH_INTERVAL_WHILE_DOWN.toNanos());
        }
        return answers;
    }

    /**
     * The listener saw one unbroken run of offsets (it was connected throughout), and it
     * includes every offset the publisher was acked.
     */
    private static void assertNoGapsAndEveryAckDelivered(RoomClient publisher, RoomClient listener, String room) {
        TreeMap<Long, String> ackedIds = new TreeMap<>();
        publisher.received(Frames.type("ack")).forEach(ack -> ackedIds.put(Frames.offset(ack), Frames.text(ack, "id")));
        long lastAcked = ackedIds.lastKey();
        List<Long> offsets = Poll.untilPasses(listener + " receives offset " + lastAcked, WAIT, () -> {
            List<Long> received = listener.received(Frames.message(room)).stream().map(Frames::offset).toList();
            assertTrue(!received.isEmpty() && received.getLast() >= lastAcked, () -> "received " + received);
            return received;
        });
        LOG.info(() -> "acked (offset=id): " + ackedIds + "; " + listener + " received offsets " + offsets);
        Map<Long, String> missed = new TreeMap<>(ackedIds);
        missed.keySet().removeAll(offsets);
        assertTrue(missed.isEmpty(), () -> listener + ", connected throughout, never received these acked messages"
                + " (offset=id): " + missed + "; it received offsets " + offsets);
        for (int i = 1; i < offsets.size(); i++) {
            assertEquals(offsets.get(i - 1) + 1, offsets.get(i),
                    listener + " received offsets with a gap or out of order: " + offsets);
        }
    }


    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
