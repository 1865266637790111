package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario (f): a member that stops reading. Its instance must close it once its bounded
 * outbound queue overflows (counted in the instance's {@code slowClosed} metric) instead
 * of buffering without end, and go on serving everyone else.
 */
@Order(7)
class SlowClientIT {

    private static final Logger LOG = Logger.getLogger(SlowClientIT.class.getName());
    /** A small receive window, so that the kernel buffers little on the stalled side. */
    private static final int STALLED_RECEIVE_BUFFER = 4096;
    /** About 32 KB per message: well under the 64 KiB frame limit, large enough to fill buffers fast. */
    private static final int PAYLOAD_CHARS = 32_000;
    /** Under the publish limit of 100 messages/s per connection. */
    private static final int MESSAGES_PER_SECOND = 75;
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(60);
    private static final Duration METRICS_INTERVAL = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<Integer> SLOW_CLOSE_CODES = Set.of(1013, 4008);

    private final OpenClients clients = new OpenClients();
    private RawWebSocket stalled;

    @AfterEach
    void cleanUp() throws Exception {
        clients.close();
        if (stalled != null) {
            stalled.close();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aClientThatStopsReadingIsClosedAndTheInstanceKeepsServing() throws Exception {
        Map.Entry<String, URI> target = ArenaHttp.knownInstances().entrySet().iterator().next();
        URI instance = target.getValue();
        String metricsToken = ArenaHttp.token(Endpoints.unique("sl-metrics"));
        long slowClosedBefore = slowClosed(instance, metricsToken);
        String room = Endpoints.unique("slow");

        stalled = RawWebSocket.open(Endpoints.roomSocket(instance, room, ArenaHttp.token(Endpoints.unique("sl-stalled"))),
                STALLED_RECEIVE_BUFFER, WAIT);
        String flooderName = Endpoints.unique("sl-flood");
        RoomClient flooder = clients.add(RoomClient.to(Endpoints.roomSocket(instance, room, ArenaHttp.token(flooderName)))
                .as(flooderName).openWelcomed());

        int published = flood(flooder, room, instance, metricsToken, slowClosedBefore);
        LOG.info(() -> target.getKey() + " closed the stalled client after " + published + " messages of ~"
                + PAYLOAD_CHARS / 1000 + " KB");
        assertTrue(flooder.isOpen(), () -> "the reading publisher was not closed: " + flooder.closeStatus());

        // What the stalled socket finally reads ends with the close (if the frame got through at all).
        RawWebSocket.Ending ending = stalled.drainUntilClosed(Duration.ofSeconds(30));
        LOG.info(() -> "the stalled socket ended: " + ending);
        ending.closeCode().ifPresent(code -> {
            assertTrue(SLOW_CLOSE_CODES.contains(code), () -> "close code for a slow client: " + ending);
            assertEquals("slow", ending.closeReason(), () -> "close reason for a slow client: " + ending);
        });

        assertEquals(200, ArenaHttp.health(instance), target.getKey() + " /health after closing a slow client");
        flooder.ping();
        flooder.await(Frames.pong(), WAIT);
        String freshName = Endpoints.unique("sl-fresh");
        String freshRoom = Endpoints.unique("slow-after");
        RoomClient fresh = clients.add(RoomClient.to(Endpoints.roomSocket(instance, freshRoom, ArenaHttp.token(freshName)))
                .as(freshName).openWelcomed());
        fresh.ping();
        fresh.await(Frames.pong(), WAIT);
        fresh.publish(freshRoom, "f1", Frames.markedData("still-serving"));
        fresh.await(Frames.ack("f1"), WAIT);
        fresh.await(Frames.marked(freshRoom, "still-serving"), WAIT);
    }

    /**
     * Publishes large messages at a steady pace until the instance's slowClosed metric
     * rises; returns how many it took.
     */
    private static int flood(RoomClient flooder, String room, URI instance, String token, long slowClosedBefore)
            throws Exception {
        String payload = "x".repeat(PAYLOAD_CHARS);
        long period = TimeUnit.SECONDS.toNanos(1) / MESSAGES_PER_SECOND;
        long start = System.nanoTime();
        long deadline = start + CLOSE_DEADLINE.toNanos();
        long nextMetrics = start;
        int published = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - nextMetrics >= 0) {
                nextMetrics = now + METRICS_INTERVAL.toNanos();
                if (slowClosed(instance, token) > slowClosedBefore) {
                    return published;
                }
                assertTrue(flooder.received(Frames.anyError()).isEmpty(),
                        () -> "the publisher got errors: " + flooder.received(Frames.anyError()));
                // Its own echoes are not needed; keeping them would only grow this JVM.
                flooder.forgetReceived();
            }
            if (now - deadline >= 0) {
                throw new AssertionError("slowClosed of " + instance + " did not rise above " + slowClosedBefore
                        + " within " + CLOSE_DEADLINE.toSeconds() + " s of flooding (" + published
                        + " messages of ~" + PAYLOAD_CHARS / 1000 + " KB); metrics now: " + ArenaHttp.metrics(instance, token));
            }
            long due = start + (published + 1) * period;
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            published++;
            JsonObject data = Json.createObjectBuilder().add("marker", "flood-" + published).add("fill", payload).build();
            flooder.publish(room, "flood-" + published, data);
        }
    }

    private static long slowClosed(URI instance, String token) throws Exception {
        JsonObject metrics = ArenaHttp.metrics(instance, token);
        return metrics.getJsonNumber("slowClosed").longValueExact();
    }
}
