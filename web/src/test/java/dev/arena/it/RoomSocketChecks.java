package dev.arena.it;

import static dev.arena.it.ClientFrames.PING;
import static dev.arena.it.ClientFrames.join;
import static dev.arena.it.ClientFrames.leave;
import static dev.arena.it.ClientFrames.presence;
import static dev.arena.it.ClientFrames.publish;
import static dev.arena.it.DeployedArena.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The rooms protocol over real WebSockets (PROTOCOL.md, "Rooms over WebSocket"). */
interface RoomSocketChecks extends DeployedArena {

    @Test
    default void theWelcomeComesFirstAndNamesTheInstanceTheUserAndTheRoom() throws Exception {
        String room = uniqueRoom("welcome");
        try (SocketClient alice = socket("/ws?room=" + room, signIn("alice"))) {
            assertEquals(Json.createObjectBuilder().add("type", "welcome").add("instance", INSTANCE)
                    .add("user", "alice").add("rooms", Json.createArrayBuilder().add(room)).build(), alice.next());
            assertEquals(joined(room, "alice"), alice.next());
        }
    }

    @Test
    default void aTokenSignedWithTheSharedSecretElsewhereIsAccepted() throws Exception {
        String token = DeployedArena.tokenIssuedElsewhere("carol", Duration.ofMinutes(5), Clock.systemUTC());

        try (SocketClient carol = socket("/ws", token)) {
            assertEquals("carol", carol.awaitType("welcome").getString("user"));
        }
    }

    @Test
    default void joinsAndLeavesAreAnnouncedToTheRoom() throws Exception {
        String room = uniqueRoom("join");
        try (SocketClient alice = enter("alice", room); SocketClient bob = enter("bob", null)) {
            bob.send(join(room));
            assertEquals(joined(room, "bob"), bob.next());
            assertEquals(joined(room, "bob"), alice.next());

            bob.send(leave(room));
            assertEquals(left(room, "bob"), bob.next());
            assertEquals(left(room, "bob"), alice.next());

            alice.send(publish(room, "after-leave", "1"));
            alice.awaitType("ack");
            bob.send(PING);
            assertEquals("pong", bob.next().getString("type"), "bob gets nothing of a room he left");
        }
    }

    @Test
    default void aPublishIsAckedAndEveryMemberGetsItWithTheAckedOffset() throws Exception {
        String room = uniqueRoom("publish");
        try (SocketClient alice = enter("alice", room); SocketClient bob = enter("bob", room)) {
            assertEquals(joined(room, "bob"), alice.next());

            alice.send(publish(room, "c1", "{\"text\":\"hello\",\"n\":[1,2.5,null]}"));
            JsonObject ack = alice.awaitType("ack");
            assertEquals("c1", ack.getString("id"));
            assertEquals(room, ack.getString("room"));
            long offset = ack.getJsonNumber("offset").longValueExact();
            JsonObject message = bob.awaitType("message");
            assertEquals(room, message.getString("room"));
            assertEquals("alice", message.getString("from"));
            assertEquals(offset, message.getJsonNumber("offset").longValueExact());
            assertEquals(JsonText.value("{\"text\":\"hello\",\"n\":[1,2.5,null]}"), message.get("data"));
            assertTrue(Math.abs(System.currentTimeMillis() - message.getJsonNumber("ts").longValue()) < 60_000);
            assertEquals(offset, alice.await(isMessage(room), "own message").getJsonNumber("offset").longValue(),
                    "the publisher sees its own message with the acked offset");

            bob.send(publish(room, "c2", "\"second\""));
            assertEquals(offset + 1, bob.awaitType("ack").getJsonNumber("offset").longValueExact());
            assertEquals(offset + 1, alice.await(isMessage(room), "message").getJsonNumber("offset").longValue());
        }
    }

    @Test
    default void presenceListsTheRoomsMembers() throws Exception {
        String room = uniqueRoom("presence");
        try (SocketClient alice = enter("alice", room); SocketClient bob = enter("bob", room)) {
            assertEquals(joined(room, "bob"), alice.next());

            alice.send(presence(room));

            assertEquals(Json.createObjectBuilder().add("type", "presence").add("room", room)
                    .add("members", Json.createArrayBuilder().add("alice").add("bob")).build(),
                    alice.awaitType("presence"));
        }
    }

    @Test
    default void closingASocketAnnouncesThatItsUserLeft() throws Exception {
        String room = uniqueRoom("close");
        try (SocketClient alice = enter("alice", room)) {
            SocketClient bob = enter("bob", room);
            assertEquals(joined(room, "bob"), alice.next());

            bob.close();

            assertEquals(left(room, "bob"), alice.awaitType("left"));
            alice.send(presence(room));
            assertEquals(List.of("alice"), alice.awaitType("presence").getJsonArray("members").getValuesAs(
                    jakarta.json.JsonString::getString));
        }
    }

    @Test
    default void pingIsAnsweredWithPong() throws Exception {
        try (SocketClient alice = enter("alice", null)) {

            alice.send(PING);

            assertEquals(Json.createObjectBuilder().add("type", "pong").build(), alice.next());
        }
    }

    @Test
    default void theGeoEntryWelcomesWithTheCountryItIsGiven() throws Exception {
        try (SocketClient ravi = socket("/ws/geo?country=IN", signIn("ravi"))) {
            JsonObject welcome = ravi.next();
            assertEquals("welcome", welcome.getString("type"));
            assertEquals(INSTANCE, welcome.getString("instance"));
            assertEquals("IN", welcome.getString("country"));
            assertEquals(List.of(), welcome.getJsonArray("rooms"));

            String room = uniqueRoom("geo");
            ravi.send(join(room));
            assertEquals(joined(room, "ravi"), ravi.next());
        }
    }

    @Test
    default void theGeoEntryWithoutAValidCountryWelcomesWithoutOne() throws Exception {
        for (String path : new String[]{"/ws/geo", "/ws/geo?country=india", "/ws/geo?country=in"}) {
            try (SocketClient client = socket(path, signIn("nomad"))) {
                JsonObject welcome = client.next();
                assertEquals("welcome", welcome.getString("type"), path);
                assertFalse(welcome.containsKey("country"), path + ": " + welcome);
            }
        }
    }

    @Test
    default void aFrameJustUnderTheLimitIsServed() throws Exception {
        String room = uniqueRoom("large");
        try (SocketClient alice = enter("alice", room)) {
            String data = "\"" + "d".repeat(63 * 1024) + "\"";

            alice.send(publish(room, "large", data));

            assertEquals("large", alice.awaitType("ack").getString("id"));
            assertEquals(63 * 1024, alice.await(isMessage(room), "own message").getString("data").length());
        }
    }

    private static Predicate<JsonObject> isMessage(String room) {
        return frame -> "message".equals(frame.getString("type", null)) && room.equals(frame.getString("room", null));
    }

    private static JsonObject joined(String room, String user) {
        return Json.createObjectBuilder().add("type", "joined").add("room", room).add("user", user).build();
    }

    private static JsonObject left(String room, String user) {
        return Json.createObjectBuilder().add("type", "left").add("room", room).add("user", user).build();
    }
}
