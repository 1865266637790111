package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario (d): the instance serving a room through {@code /ws?room=} is killed with -9.
 * Its clients see their sockets close, reconnect to the same URL and land on a live
 * instance; the room keeps working between them and the members on other instances,
 * and presence forgets the members that died with the instance. The instance is
 * started again afterwards, whatever happened.
 */
@Order(5)
class InstanceFailoverIT {

    private static final Logger LOG = Logger.getLogger(InstanceFailoverIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Nginx moves a room off a dead instance on the first refused connect; a client retries until then. */
    private static final Duration RECONNECT = Duration.ofSeconds(30);
    /** Counted from the kill. */
    private static final Duration PRESENCE_CLEANUP = Duration.ofSeconds(30);

    private final OpenClients clients = new OpenClients();
    private volatile String killedInstance;

    @AfterEach
    void restoreCluster() throws Exception {
        clients.close();
        String killed = killedInstance;
        if (killed != null) {
            Cluster.start(killed);
            killedInstance = null;
            URI url = ArenaHttp.knownInstances().get(killed);
            assertEquals(200, ArenaHttp.health(url), killed + " is healthy again after bin/cluster start");
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void clientsOfAKilledInstanceReconnectAndTheRoomGoesOn() throws Exception {
        Map<String, URI> instances = ArenaHttp.knownInstances();
        String room = Endpoints.unique("failover");

        // Through the front: two members that will reconnect and one (the ghost) that will not.
        List<FrontMember> front = new ArrayList<>();
        for (String role : List.of("fo-a", "fo-b", "fo-ghost")) {
            String user = Endpoints.unique(role);
            URI url = Endpoints.roomSocket(Endpoints.front(), room, ArenaHttp.token(user));
            RoomClient client = clients.add(RoomClient.to(url).as(user).open());
            front.add(new FrontMember(user, url, client, Frames.text(client.welcome(), "instance")));
        }
        String victim = front.getFirst().instance();
        for (FrontMember member : front) {
            assertEquals(victim, member.instance(), "every connection of room " + room + " on one instance");
        }
        FrontMember ghost = front.getLast();
        List<FrontMember> reconnecting = front.subList(0, 2);

        // Directly on every other instance: members that outlive the victim.
        List<RoomClient> survivors = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, URI> instance : instances.entrySet()) {
            if (!instance.getKey().equals(victim)) {
                String user = Endpoints.unique("fo-s" + ++n);
                survivors.add(clients.add(RoomClient.to(Endpoints.roomSocket(instance.getValue(), room,
                        ArenaHttp.token(user))).as(user).openWelcomed()));
            }
        }
        assertTrue(!survivors.isEmpty(), "a live instance remains besides " + victim);

        LOG.info(() -> "room " + room + " is served by " + victim + "; killing it");
        killedInstance = victim;
        Cluster.kill(victim);
        long killedAt = System.nanoTime();

        for (FrontMember member : front) {
            CloseStatus status = member.client().awaitClose(WAIT);
            LOG.info(() -> member.user() + " lost its socket: " + status);
        }
        for (RoomClient survivor : survivors) {
            assertTrue(survivor.isOpen(), () -> survivor + " on a live instance lost its socket: " + survivor.closeStatus());
        }

        Set<String> expectedMembers = new TreeSet<>();
        List<RoomClient> back = new ArrayList<>();
        for (FrontMember lost : reconnecting) {
            RoomClient again = Poll.untilPasses(lost.user() + " reconnects to the same URL through the front", RECONNECT,
                    () -> clients.add(RoomClient.to(lost.url()).as(lost.user()).openWelcomed()));
            String landedOn = Frames.text(again.received(Frames.welcome()).getFirst(), "instance");
            assertNotEquals(victim, landedOn, lost.user() + " reconnected to the killed instance");
            assertTrue(instances.containsKey(landedOn), landedOn);
            LOG.info(() -> lost.user() + " reconnected to " + landedOn);
            back.add(again);
            expectedMembers.add(lost.user());
        }
        survivors.forEach(s -> expectedMembers.add(s.label()));
        List<RoomClient> everyone = new ArrayList<>(back);
        everyone.addAll(survivors);

        // Traffic in both directions between reconnected members and survivors.
        RoomClient returning = back.getFirst();
        returning.publish(room, "r1", Frames.markedData("after-kill-from-returning"));
        returning.await(Frames.ack("r1"), WAIT);
        for (RoomClient member : everyone) {
            member.await(Frames.marked(room, "after-kill-from-returning"), WAIT);
        }
        RoomClient survivor = survivors.getLast();
        survivor.publish(room, "s1", Frames.markedData("after-kill-from-survivor"));
        survivor.await(Frames.ack("s1"), WAIT);
        for (RoomClient member : everyone) {
            member.await(Frames.marked(room, "after-kill-from-survivor"), WAIT);
        }

        // The ghost died with the instance and never came back: presence must let it go.
        RoomClient asker = survivors.getFirst();
        Duration leftForCleanup = PRESENCE_CLEANUP.minusNanos(System.nanoTime() - killedAt);
        JsonObject presence = Poll.untilPasses("presence of " + room + " drops " + ghost.user() + " within "
                + PRESENCE_CLEANUP.toSeconds() + " s of the kill", leftForCleanup, () -> {
            asker.askPresence(room);
            JsonObject answer = asker.await(Frames.presence(room), Duration.ofSeconds(3));
            assertEquals(expectedMembers, Frames.members(answer), "members in " + answer);
            return answer;
        });
        long cleanupSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
        LOG.info(() -> "presence " + cleanupSeconds + " s after the kill: " + presence);
    }

    /** A member connected through the front: who, with which URL, and where it landed. */
    private record FrontMember(String user, URI url, RoomClient client, String instance) {
    }
}
