package dev.arena.system;

import static dev.arena.system.Frames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cheap protocol checks, through the Nginx front and across instances. */
@Order(1)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Map<String, URI> instances;
    private final OpenClients clients = new OpenClients();

    @BeforeAll
    static void findInstances() throws Exception {
        instances = ArenaHttp.knownInstances();
        assertTrue(instances.size() >= 2, "need at least two instances, found " + instances);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void welcomeIsTheFirstFrameAndNamesUserRoomAndInstance() throws Exception {
        String user = Endpoints.unique("pw");
        String room = Endpoints.unique("proto-welcome");
        RoomClient client = clients.add(RoomClient.to(Endpoints.roomSocket(Endpoints.front(), room, ArenaHttp.token(user)))
                .as(user).open());

        JsonObject welcome = client.welcome();

        assertEquals(welcome, client.received().getFirst(), "the first frame is the welcome");
        assertEquals(user, text(welcome, "user"), () -> "user of " + welcome);
        assertTrue(instances.containsKey(text(welcome, "instance")),
                () -> "instance of " + welcome + " is one of " + instances.keySet());
        assertTrue(rooms(welcome).contains(room), () -> "the room of the URL is joined: " + welcome);
    }

    @Test
    void eachInstanceNamesItselfInTheWelcome() throws Exception {
        String user = Endpoints.unique("pi");
        String token = ArenaHttp.token(user);
        String room = Endpoints.unique("proto-instance");
        for (Map.Entry<String, URI> instance : instances.entrySet()) {
            RoomClient client = clients.add(RoomClient.to(Endpoints.roomSocket(instance.getValue(), room, token))
                    .as(user + "@" + instance.getKey()).open());
            assertEquals(instance.getKey(), text(client.welcome(), "instance"), "welcome on " + instance.getValue());
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        String user = Endpoints.unique("pp");
        RoomClient client = clients.add(RoomClient.to(
                Endpoints.roomSocket(Endpoints.front(), Endpoints.unique("proto-ping"), ArenaHttp.token(user))).as(user).open());
        client.welcome();

        client.ping();

        client.await(Frames.pong(), WAIT);
    }

    @Test
    void presenceListsTheMembersOnEveryInstance() throws Exception {
        String room = Endpoints.unique("proto-presence");
        List<RoomClient> members = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        int n = 0;
        for (URI instance : instances.values()) {
            String user = Endpoints.unique("pr" + ++n);
            names.add(user);
            members.add(clients.add(RoomClient.to(Endpoints.roomSocket(instance, room, ArenaHttp.token(user)))
                    .as(user).openWelcomed()));
        }

        for (RoomClient member : members) {
            Poll.untilPasses(member + " sees every member of " + room, WAIT, () -> {
                member.askPresence(room);
                JsonObject presence = member.await(Frames.presence(room), Duration.ofSeconds(3));
                assertEquals(names, Frames.members(presence), "members in " + presence);
                return presence;
            });
        }
    }

    @Test
    void joinedAndLeftReachMembersOnOtherInstances() throws Exception {
        List<URI> three = new ArrayList<>(instances.values());
        String room = Endpoints.unique("proto-joined");
        String watcherName = Endpoints.unique("pj-w");
        String arrivalName = Endpoints.unique("pj-a");
        String visitorName = Endpoints.unique("pj-v");
        RoomClient watcher = clients.add(RoomClient.to(Endpoints.roomSocket(three.get(0), room,
                ArenaHttp.token(watcherName))).as(watcherName).openWelcomed());

        // Joined on open, through the URL, on another instance.
        RoomClient arrival = clients.add(RoomClient.to(Endpoints.roomSocket(three.get(1), room,
                ArenaHttp.token(arrivalName))).as(arrivalName).openWelcomed());
        watcher.await(Frames.joined(room, arrivalName), WAIT);

        // Joined and left by frames, from a connection that opened in another room.
        URI visitorInstance = three.get(three.size() > 2 ? 2 : 1);
        RoomClient visitor = clients.add(RoomClient.to(Endpoints.roomSocket(visitorInstance,
                Endpoints.unique("proto-elsewhere"), ArenaHttp.token(visitorName))).as(visitorName).openWelcomed());
        visitor.join(room);
        watcher.await(Frames.joined(room, visitorName), WAIT);
        visitor.leave(room);
        watcher.await(Frames.left(room, visitorName), WAIT);

        // Left by going away.
        arrival.close();
        watcher.await(Frames.left(room, arrivalName), WAIT);
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysOpen() throws Exception {
        String user = Endpoints.unique("pe");
        RoomClient client = clients.add(RoomClient.to(Endpoints.roomSocket(Endpoints.front(),
                Endpoints.unique("proto-errors"), ArenaHttp.token(user))).as(user).openWelcomed());

        client.sendText("{this is not json");
        assertNotNull(text(client.await(Frames.anyError(), WAIT), "code"), "an error frame has a code");

        client.sendText("{\"type\":\"no-such-type\"}");
        client.await(Frames.anyError(), WAIT);

        client.join("not a valid room!");
        client.await(Frames.anyError(), WAIT);

        client.publish(Endpoints.unique("proto-not-joined"), "e1", Frames.markedData("nobody"));
        JsonObject notMember = client.await(Frames.replyTo("e1"), WAIT);
        assertEquals("error", text(notMember, "type"), () -> "publishing to a room not joined: " + notMember);

        client.ping();
        client.await(Frames.pong(), WAIT);
        assertTrue(client.isOpen(), () -> "still open, but " + client.closeStatus());
    }

    @Test
    void forgedTokenIsRefused() throws Exception {
        URI uri = Endpoints.roomSocket(Endpoints.front(), Endpoints.unique("proto-forged"), "forged.token");
        RoomClient client;
        try {
            client = clients.add(RoomClient.to(uri).as("forger").open());
        } catch (HandshakeRefused refused) {
            assertTrue(refused.status() == 401 || refused.status() == 403, refused::getMessage);
            return;
        }
        CloseStatus status = client.awaitClose(WAIT);
        assertEquals(1008, status.code(), () -> "close of a forged token: " + status);
        assertEquals("unauthorized", status.reason());
        assertTrue(client.received(Frames.welcome()).isEmpty(), "no welcome for a forged token");
    }

    private static Set<String> rooms(JsonObject welcome) {
        Set<String> rooms = new TreeSet<>();
        welcome.getJsonArray("rooms").getValuesAs(JsonString.class).forEach(s -> rooms.add(s.getString()));
        return rooms;
    }
}
