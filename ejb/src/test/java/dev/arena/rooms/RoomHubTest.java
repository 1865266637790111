package dev.arena.rooms;

import static dev.arena.rooms.Frames.ack;
import static dev.arena.rooms.Frames.joined;
import static dev.arena.rooms.Frames.json;
import static dev.arena.rooms.Frames.left;
import static dev.arena.rooms.Frames.pong;
import static dev.arena.rooms.Frames.presence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rooms protocol as the hubs of two instances serve it (PROTOCOL.md, "Rooms over WebSocket"). */
class RoomHubTest {

    private final TwoInstances instances = new TwoInstances();

    @Test
    void welcomeComesFirstAndNamesInstanceUserAndRoom() {
        HubClient alice = instances.connect(instances.a, "alice", "lobby");

        List<JsonObject> frames = alice.take();

        assertEquals(Json.createObjectBuilder().add("type", "welcome").add("instance", "a").add("user", "alice")
                .add("rooms", Json.createArrayBuilder().add("lobby")).build(), frames.getFirst());
        assertEquals(List.of(joined("lobby", "alice")), frames.subList(1, frames.size()));
    }

    @Test
    void geoEntryWelcomesWithCountryAndNoRoom() {
        HubClient ravi = instances.connect(instances.b, "ravi", null, "IN");

        assertEquals(Json.createObjectBuilder().add("type", "welcome").add("instance", "b").add("user", "ravi")
                .add("rooms", Json.createArrayBuilder()).add("country", "IN").build(), ravi.takeOne());
        assertTrue(instances.broker.subscriptions("b").stream().noneMatch(t -> t.startsWith(Topics.ROOM)));
    }

    @Test
    void badRoomAtConnectIsAnErrorAfterTheWelcomeAndTheConnectionStaysUsable() {
        HubClient alice = instances.connect(instances.a, "alice", "no spaces");

        List<JsonObject> frames = alice.take();
        assertEquals("welcome", frames.get(0).getString("type"));
        assertEquals(List.of(), frames.get(0).getJsonArray("rooms"));
        assertEquals("invalid_room", frames.get(1).getString("code"));
        assertEquals(2, frames.size());

        alice.send("{\"type\":\"ping\"}");
        assertEquals(pong(), alice.takeOne());
    }

    @Test
    void joinIsAnnouncedToMembersOnEveryInstance() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient anna = instances.connect(instances.a, "anna", "r");
        HubClient bob = instances.connect(instances.b, "bob", null);
        alice.take();
        anna.take();
        bob.take();

        bob.join("r");

        assertEquals(joined("r", "bob"), bob.takeOne());
        assertEquals(joined("r", "bob"), alice.takeOne());
        assertEquals(joined("r", "bob"), anna.takeOne());
    }

    @Test
    void joiningARoomTwiceOnlyConfirmsItToTheJoiner() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        alice.take();
        bob.take();

        bob.join("r");

        assertEquals(joined("r", "bob"), bob.takeOne());
        assertEquals(List.of(), alice.take());
    }

    @Test
    void leaveIsConfirmedAnnouncedAndEndsDelivery() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        alice.take();
        bob.take();

        bob.leave("r");

        assertEquals(left("r", "bob"), bob.takeOne());
        assertEquals(left("r", "bob"), alice.takeOne());
        alice.publish("r", "c1", "1");
        assertEquals(List.of(), bob.take());
        alice.presence("r");
        assertEquals(presence("r", "alice"), alice.take("presence").getFirst());
    }

    @Test
    void publishIsAckedAndEveryMemberOnEveryInstanceGetsTheMessageWithTheSameOffset() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient anna = instances.connect(instances.a, "anna", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        HubClient outsider = instances.connect(instances.b, "carol", "elsewhere");
        Stream.of(alice, anna, bob, outsider).forEach(HubClient::take);

        alice.publish("r", "c1", "{\"text\":\"hi\",\"n\":[1,2]}");

        JsonObject ack = alice.take("ack").getFirst();
        assertEquals(ack("c1", "r", 1), ack);
        JsonObject expected = Json.createObjectBuilder().add("type", "message").add("room", "r").add("from", "alice")
                .add("offset", 1).add("data", json("{\"text\":\"hi\",\"n\":[1,2]}"))
                .add("ts", instances.epochMillis()).build();
        assertEquals(List.of(expected), anna.take());
        assertEquals(List.of(expected), bob.take());
        assertEquals(List.of(), outsider.take());
        alice.publish("r", "c2", "2");
        List<JsonObject> own = alice.take();
        assertTrue(own.contains(ack("c2", "r", 2)), own::toString);
        assertEquals(1, own.stream().filter(f -> f.getString("type").equals("message")).count());
    }

    @Test
    void offsetsOfARoomIncreaseByOneWhoeverPublishesFromWhichInstance() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        HubClient other = instances.connect(instances.b, "carol", "s");
        Stream.of(alice, bob, other).forEach(HubClient::take);
        List<JsonObject> aliceFrames = new ArrayList<>();
        List<JsonObject> bobFrames = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            (i % 3 == 0 ? bob : alice).publish("r", "c" + i, String.valueOf(i));
            other.publish("s", "s" + i, "0");
            aliceFrames.addAll(alice.take());
            bobFrames.addAll(bob.take());
        }

        List<Long> expected = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertEquals(expected, offsets(ofType(aliceFrames, "message")));
        assertEquals(expected, offsets(ofType(bobFrames, "message")));
        List<JsonObject> acks = new ArrayList<>(ofType(aliceFrames, "ack"));
        acks.addAll(ofType(bobFrames, "ack"));
        assertEquals(expected, offsets(acks).stream().sorted().toList());
        for (JsonObject ack : acks) {
            int i = Integer.parseInt(ack.getString("id").substring(1));
            assertEquals(i + 1, ack.getJsonNumber("offset").longValue(), "ack " + ack);
        }
        assertEquals(expected, offsets(other.take("message")), "room s counts on its own");
    }

    @Test
    void presenceListsEachUserOnceAcrossInstancesSorted() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        instances.connect(instances.a, "alice", "r");
        instances.connect(instances.b, "carol", "r");
        instances.connect(instances.b, "bob", "r");
        instances.connect(instances.b, "dave", "elsewhere");
        alice.take();

        alice.presence("r");

        assertEquals(presence("r", "alice", "bob", "carol"), alice.takeOne());
    }

    @Test
    void presenceOfARoomNobodyIsInIsEmptyAndNeedsNoMembership() {
        HubClient alice = instances.connect(instances.a, "alice", null);
        alice.take();

        alice.presence("empty");

        assertEquals(presence("empty"), alice.takeOne());
    }

    @Test
    void pingIsAnsweredWithPong() {
        HubClient alice = instances.connect(instances.a, "alice", null);
        alice.take();

        alice.send("{\"type\":\"ping\"}");

        assertEquals(pong(), alice.takeOne());
    }

    @Test
    void closingAConnectionRemovesItsMemberAndAnnouncesItLeft() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        bob.join("s");
        alice.join("s");
        alice.take();
        bob.take();

        bob.close();
        bob.close();

        assertEquals(List.of(left("r", "bob"), left("s", "bob")),
                alice.take().stream().sorted((x, y) -> x.getString("room").compareTo(y.getString("room"))).toList());
        alice.presence("r");
        assertEquals(presence("r", "alice"), alice.takeOne());
        assertEquals(0, instances.b.connectionCount());
        assertEquals(1, instances.a.connectionCount());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badFrames")
    void badFrameGetsAnErrorWithItsIdAndTheConnectionStaysUsable(String frame, String code, String id) {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        alice.take();

        alice.send(frame);

        JsonObject error = alice.takeOne();
        assertEquals("error", error.getString("type"));
        assertEquals(code, error.getString("code"));
        assertFalse(error.getString("message").isBlank());
        if (id == null) {
            assertFalse(error.containsKey("id"), error::toString);
        } else {
            assertEquals(id, error.getString("id"));
        }
        alice.publish("r", "after", "true");
        assertEquals(ack("after", "r", 1), alice.take("ack").getFirst());
        assertEquals(1, instances.a.metrics().errors());
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("{\"type\":\"publish\",\"room\":\"x\",\"id\":\"c7\",\"data\":1}", "not_member", "c7"),
                Arguments.of("{\"type\":\"leave\",\"room\":\"x\"}", "not_member", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"a b\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"" + "r".repeat(65) + "\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"publish\",\"room\":\"\",\"id\":\"c8\",\"data\":1}", "invalid_room", "c8"),
                Arguments.of("{\"type\":\"dance\",\"id\":\"c9\"}", "unknown_type", "c9"),
                Arguments.of("{\"type\":\"join\"", "invalid_json", null),
                Arguments.of("not json", "invalid_json", null),
                Arguments.of("{\"room\":\"r\"}", "missing_field", null),
                Arguments.of("{\"type\":\"join\"}", "missing_field", null),
                Arguments.of("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"c10\"}", "missing_field", "c10"));
    }

    private static List<JsonObject> ofType(List<JsonObject> frames, String type) {
        return frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
    }

    private static List<Long> offsets(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getJsonNumber("offset").longValue()).toList();
    }
}
