package dev.arena.it;

import static dev.arena.it.ClientFrames.publish;
import static dev.arena.it.DeployedArena.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What operators and the front proxy read: MicroProfile Health and the instance's counters. */
interface OperationsChecks extends DeployedArena {

    @Test
    default void healthIsUpWithTheRedisCheckUp() {
        HttpResponse<String> health = awaitHealth();

        assertEquals(200, health.statusCode(), health.body());
        JsonObject body = JsonText.object(health.body());
        assertEquals("UP", body.getString("status"), health.body());
        JsonObject redis = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "redis".equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no redis check in " + health.body()));
        assertEquals("UP", redis.getString("status"));
    }

    @Test
    default void metricsCountWhatTheInstanceServed() throws Exception {
        JsonObject before = metrics();
        assertEquals(INSTANCE, before.getString("instance"));
        for (String counter : new String[]{"connections", "rooms", "messagesIn", "messagesOut", "published",
                "errors", "slowClosed", "unauthorized"}) {
            assertEquals(JsonValue.ValueType.NUMBER, before.get(counter).getValueType(), counter + " in " + before);
        }

        try (SocketClient refused = socket("/ws", "forged.token")) {
            refused.awaitClosing();
        } catch (SocketClient.Refused refused) {
            // Refused at the handshake: counted all the same.
        }
        String room = uniqueRoom("metrics");
        try (SocketClient alice = enter("alice", room)) {
            alice.send(publish(room, "m1", "1"));
            alice.awaitType("ack");
            alice.send("{\"type\":\"nonsense\"}");
            alice.awaitType("error");

            JsonObject after = metrics();
            assertTrue(count(after, "unauthorized") > count(before, "unauthorized"), after::toString);
            assertTrue(count(after, "published") > count(before, "published"), after::toString);
            assertTrue(count(after, "errors") > count(before, "errors"), after::toString);
            assertTrue(count(after, "messagesIn") >= count(before, "messagesIn") + 2, after::toString);
            assertTrue(count(after, "messagesOut") > count(before, "messagesOut"), after::toString);
            assertTrue(count(after, "connections") >= 1, after::toString);
            assertTrue(count(after, "rooms") >= 1, after::toString);
        }
    }

    /** Ready only once Redis answers; the instance was started with it, so this should hold at once. */
    private HttpResponse<String> awaitHealth() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> health = http().get("/health");
        while (health.statusCode() != 200 && System.nanoTime() < deadline) {
            pause();
            health = http().get("/health");
        }
        return health;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private JsonObject metrics() {
        HttpResponse<String> response = http().get("/api/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return JsonText.object(response.body());
    }

    private static long count(JsonObject metrics, String counter) {
        return metrics.getJsonNumber(counter).longValue();
    }
}
