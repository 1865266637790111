package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario (b): one room with members on every instance; three publishers, one per
 * instance, publish 300 messages each at the same time. Every member receives all 900
 * in one order, offsets 1..900 without a gap, and every publisher's acks carry the
 * offsets its messages arrived with.
 */
@Order(3)
class RoomOrderingIT {

    private static final int MESSAGES_PER_PUBLISHER = 300;
    /** Under the server's limit of 100 messages/s per connection, without leaning on its burst. */
    private static final int MESSAGES_PER_SECOND = 80;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private final OpenClients clients = new OpenClients();
    private final ExecutorService publishing = Executors.newFixedThreadPool(3);

    @AfterEach
    void cleanUp() {
        publishing.shutdownNow();
        clients.close();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyMemberReceivesEveryMessageInOneOrderWithoutGaps() throws Exception {
        List<URI> instances = new ArrayList<>(ArenaHttp.knownInstances().values());
        String room = Endpoints.unique("order");
        List<RoomClient> publishers = new ArrayList<>();
        List<RoomClient> members = new ArrayList<>();
        List<String> joinOrder = new ArrayList<>();
        for (String role : List.of("op", "ol")) {
            for (int i = 0; i < instances.size(); i++) {
                String user = Endpoints.unique(role + (i + 1));
                RoomClient member = clients.add(RoomClient.to(Endpoints.roomSocket(instances.get(i), room,
                        ArenaHttp.token(user))).as(user).openWelcomed());
                members.add(member);
                joinOrder.add(user);
                if (role.equals("op")) {
                    publishers.add(member);
                }
            }
        }
        // Each member hears of every later arrival, from other instances too: then every
        // instance relays this room before the first message is published.
        for (int i = 0; i < members.size(); i++) {
            for (String later : joinOrder.subList(i + 1, joinOrder.size())) {
                members.get(i).await(Frames.joined(room, later), WAIT);
            }
        }

        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < publishers.size(); p++) {
            RoomClient publisher = publishers.get(p);
            String idPrefix = "p" + (p + 1) + "-";
            runs.add(publishing.submit(() -> publishPaced(publisher, room, idPrefix, start)));
        }
        for (Future<?> run : runs) {
            run.get(MESSAGES_PER_PUBLISHER / MESSAGES_PER_SECOND + 30, TimeUnit.SECONDS);
        }

        int total = MESSAGES_PER_PUBLISHER * publishers.size();
        List<String> reference = null;
        for (RoomClient member : members) {
            List<JsonObject> messages = member.awaitCount(Frames.message(room), total, DELIVERY);
            List<Long> offsets = messages.stream().map(Frames::offset).toList();
            assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), offsets,
                    member + " received offsets 1.." + total + " in order, each once");
            List<String> sequence = messages.stream()
                    .map(m -> Frames.offset(m) + " " + Frames.text(m, "from") + " " + Frames.marker(m))
                    .toList();
            if (reference == null) {
                reference = sequence;
            } else {
                assertEquals(reference, sequence, member + " received the same messages in the same order as "
                        + members.getFirst());
            }
        }

        List<JsonObject> asReceived = members.getFirst().received(Frames.message(room));
        for (int p = 0; p < publishers.size(); p++) {
            RoomClient publisher = publishers.get(p);
            String idPrefix = "p" + (p + 1) + "-";
            assertTrue(publisher.received(Frames.anyError()).isEmpty(),
                    () -> publisher + " got errors: " + publisher.received(Frames.anyError()));
            Map<String, Long> ackedOffsets = ackedOffsets(publisher, room, idPrefix);
            assertEquals(MESSAGES_PER_PUBLISHER, new HashSet<>(ackedOffsets.values()).size(),
                    publisher + " got one distinct offset per message");
            int own = 0;
            for (JsonObject message : asReceived) {
                String id = Frames.marker(message);
                if (id != null && id.startsWith(idPrefix)) {
                    own++;
                    assertEquals(publisher.label(), Frames.text(message, "from"), "sender of " + message);
                    assertEquals(ackedOffsets.get(id), Frames.offset(message), "ack offset of " + id + " vs " + message);
                }
            }
            assertEquals(MESSAGES_PER_PUBLISHER, own, "messages of " + publisher + " received");
        }
    }

    /** Publishes at a steady pace measured from {@code start}, ids {@code <prefix>1..300}. */
    private static void publishPaced(RoomClient publisher, String room, String idPrefix, long start) {
        long period = TimeUnit.SECONDS.toNanos(1) / MESSAGES_PER_SECOND;
        for (int n = 1; n <= MESSAGES_PER_PUBLISHER; n++) {
            long due = start + n * period;
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            String id = idPrefix + n;
            publisher.publish(room, id, Json.createObjectBuilder().add("marker", id).add("n", n).build());
        }
    }

    /** Waits for every ack of the publisher's messages; returns id to offset. */
    private static Map<String, Long> ackedOffsets(RoomClient publisher, String room, String idPrefix) {
        Frames.Expect ownAck = Frames.type("ack").and("of " + idPrefix + "* in " + room,
                f -> room.equals(Frames.text(f, "room")) && String.valueOf(Frames.text(f, "id")).startsWith(idPrefix));
        Map<String, Long> offsets = new HashMap<>();
        for (JsonObject ack : publisher.awaitCount(ownAck, MESSAGES_PER_PUBLISHER, DELIVERY)) {
            Long previous = offsets.put(Frames.text(ack, "id"), Frames.offset(ack));
            assertEquals(null, previous, () -> publisher + " got two acks for " + ack);
        }
        assertEquals(MESSAGES_PER_PUBLISHER, offsets.size(), publisher + " acks");
        return offsets;
    }
}
