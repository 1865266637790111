package dev.arena.it;

import static dev.arena.it.ClientFrames.PING;
import static dev.arena.it.ClientFrames.join;
import static dev.arena.it.ClientFrames.leave;
import static dev.arena.it.ClientFrames.publish;
import static dev.arena.it.DeployedArena.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bad input on a socket: an error frame and the socket keeps serving; too big a frame or no valid token ends it
 * with the close code PROTOCOL.md names.
 */
interface RoomSocketErrorChecks extends DeployedArena {

    @Test
    default void everyBadFrameGetsItsErrorAndTheSocketKeepsServing() throws Exception {
        String room = uniqueRoom("errors");
        String elsewhere = uniqueRoom("elsewhere");
        String[][] cases = {
                // frame, error code, id echoed (or null)
                {"this is not json", "invalid_json", null},
                {"{\"type\":\"ping\"} trailing", "invalid_json", null},
                {"[1,2,3]", "invalid_frame", null},
                {"{\"type\":\"dance\",\"id\":\"d1\"}", "unknown_type", "d1"},
                {join("no spaces allowed"), "invalid_room", null},
                {join("r".repeat(65)), "invalid_room", null},
                {publish(elsewhere, "n1", "1"), "not_member", "n1"},
                {leave(elsewhere), "not_member", null},
                {"{\"type\":\"join\"}", "missing_field", null},
                {"{\"room\":\"" + room + "\"}", "missing_field", null},
                {"{\"type\":\"publish\",\"room\":\"" + room + "\",\"id\":\"m1\"}", "missing_field", "m1"},
        };
        try (SocketClient alice = enter("alice", room)) {
            for (String[] each : cases) {
                alice.send(each[0]);

                JsonObject error = alice.next();
                String what = each[0] + " -> " + error;
                assertEquals("error", error.getString("type"), what);
                assertEquals(each[1], error.getString("code"), what);
                assertEquals(each[2], error.getString("id", null), what);
                assertFalse(error.getString("message", "").isBlank(), what);
                alice.send(PING);
                assertEquals("pong", alice.next().getString("type"), "still serving after " + what);
            }
            alice.send(publish(room, "still-here", "true"));
            assertEquals("still-here", alice.awaitType("ack").getString("id"));
        }
    }

    /**
     * A connection's budget is a burst of 200 publishes, then {@link #PUBLISH_RATE} a second: however fast this
     * machine serves them, no more than {@code 200 + rate * elapsed} are accepted, and 300 at once see refusals.
     */
    @Test
    default void publishingFasterThanTheRateIsRateLimitedAndEveryPublishIsAnswered() throws Exception {
        String room = uniqueRoom("rate");
        int publishes = 300;
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < publishes; i++) {
            frames.add(publish(room, "p" + i, String.valueOf(i)));
        }
        try (SocketClient alice = enter("alice", room)) {
            long started = System.nanoTime();
            alice.sendAll(frames);

            Set<String> acked = new HashSet<>();
            Set<String> limited = new HashSet<>();
            while (acked.size() + limited.size() < publishes) {
                JsonObject answer = alice.await(frame -> frame.containsKey("id"), "answer to a publish");
                if ("ack".equals(answer.getString("type"))) {
                    acked.add(answer.getString("id"));
                } else {
                    assertEquals("rate_limited", answer.getString("code"), answer::toString);
                    limited.add(answer.getString("id"));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            String outcome = acked.size() + " acked and " + limited.size() + " refused in " + seconds + " s";
            assertTrue(acked.size() <= 200 + PUBLISH_RATE * seconds + 1, outcome);
            assertTrue(acked.size() >= 200, "the burst is served: " + outcome);
            assertFalse(limited.isEmpty(), "nothing refused: " + outcome);
            assertTrue(acked.stream().noneMatch(limited::contains), outcome);
            alice.send(PING);
            alice.awaitType("pong");
        }
    }

    @Test
    default void theHundredAndFirstRoomIsRefusedAndTheSocketKeepsServing() throws Exception {
        String prefix = uniqueRoom("many");
        try (SocketClient alice = enter("alice", null)) {
            for (int i = 1; i <= 101; i++) {
                alice.send(join(prefix + "-" + i));
            }

            // The refusal answers the 101st join at once; a room's joined event comes through its presence, so
            // the last ones may arrive after the refusal.
            int joined = 0;
            List<JsonObject> others = new ArrayList<>();
            for (int frames = 0; frames < 101; frames++) {
                JsonObject frame = alice.next();
                if ("joined".equals(frame.getString("type"))) {
                    joined++;
                } else {
                    others.add(frame);
                }
            }
            assertEquals(100, joined);
            assertEquals(1, others.size(), others::toString);
            assertEquals("too_many_rooms", others.getFirst().getString("code"), others::toString);

            alice.send(leave(prefix + "-1"));
            assertEquals("left", alice.next().getString("type"));
            alice.send(join(prefix + "-101"));
            assertEquals("joined", alice.next().getString("type"));
        }
    }

    @Test
    default void aFrameOverSixtyFourKibibytesClosesTheSocketWith1009() throws Exception {
        String room = uniqueRoom("huge");
        try (SocketClient alice = enter("alice", room)) {

            alice.sendUnawaited(publish(room, "huge", "\"" + "h".repeat(65 * 1024) + "\""));

            assertEquals(1009, alice.awaitClosing().code());
        }
        try (SocketClient again = socket("/ws?room=" + room, signIn("alice"))) {
            assertEquals("welcome", again.next().getString("type"), "the instance keeps serving");
        }
    }

    @Test
    default void aSocketWithoutATokenIsRefused() throws Exception {
        assertUnauthorized(null);
        assertUnauthorized("");
    }

    @Test
    default void aSocketWithAForgedTokenIsRefused() throws Exception {
        String genuine = signIn("mallory");
        String payload = genuine.substring(0, genuine.indexOf('.'));
        String otherSecret = new dev.arena.identity.TokenService("some-other-secret-of-enough-length",
                Duration.ofHours(1), Clock.systemUTC()).issue("mallory");

        assertUnauthorized(payload + "." + "A".repeat(43));
        assertUnauthorized(otherSecret);
        assertUnauthorized("not-a-token");
    }

    @Test
    default void aSocketWithAnExpiredTokenIsRefused() throws Exception {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);

        assertUnauthorized(DeployedArena.tokenIssuedElsewhere("alice", Duration.ofHours(1), twoHoursAgo));
    }

    private void assertUnauthorized(String token) throws IOException {
        String room = uniqueRoom("locked");
        try (SocketClient client = socket("/ws?room=" + room, token)) {
            assertEquals(new SocketClient.Closing(1008, "unauthorized"), client.awaitClosing());
            assertEquals(0, client.unread(), "nothing is sent before the close");
        } catch (SocketClient.Refused refused) {
            // PROTOCOL.md also allows refusing the handshake itself.
            assertTrue(refused.status == 401 || refused.status == 403, refused::getMessage);
        }
    }
}
