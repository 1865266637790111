package dev.arena.rooms;

import static dev.arena.rooms.Frames.left;
import static dev.arena.rooms.Frames.presence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an instance receives from the broker (a room's topic only while a local connection is in the room; a user's
 * topic while the user has a local connection), and how presence follows instances that live and die.
 */
class RoomHubSubscriptionsTest {

    private final TwoInstances instances = new TwoInstances();

    @Test
    void anInstanceReceivesARoomOnlyWhileOneOfItsConnectionsIsInIt() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient anna = instances.connect(instances.a, "anna", "r");
        instances.connect(instances.b, "bob", "r");
        assertEquals(Set.of(Topics.room("r"), Topics.user("alice"), Topics.user("anna")),
                instances.broker.subscriptions("a"));
        assertEquals(1, instances.a.roomCount());

        alice.leave("r");
        assertTrue(instances.broker.subscriptions("a").contains(Topics.room("r")));

        anna.close();
        assertEquals(Set.of(Topics.user("alice")), instances.broker.subscriptions("a"));
        assertEquals(0, instances.a.roomCount());
        assertTrue(instances.broker.subscriptions("b").contains(Topics.room("r")));

        alice.close();
        assertEquals(Set.of(), instances.broker.subscriptions("a"));
    }

    @Test
    void aUsersTopicStaysWhileAnyOfTheirConnectionsIsOpen() {
        HubClient first = instances.connect(instances.a, "alice", null);
        HubClient second = instances.connect(instances.a, "alice", null);
        first.take();
        second.take();

        first.close();
        instances.a.publishToUser("alice", "{\"type\":\"submission\",\"id\":\"s1\"}");

        assertEquals(List.of(), first.take());
        assertEquals("submission", second.takeOne().getString("type"));
        assertTrue(instances.broker.subscriptions("a").contains(Topics.user("alice")));
        second.close();
        assertFalse(instances.broker.subscriptions("a").contains(Topics.user("alice")));
    }

    @Test
    void concurrentJoinsAndLeavesLeaveTheSubscriptionMatchingTheMembers() throws Exception {
        int threads = 8;
        List<HubClient> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            clients.add(instances.connect(instances.a, "user" + i, null));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (HubClient client : clients) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 300; round++) {
                        client.join("hot");
                        client.leave("hot");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertFalse(instances.broker.subscriptions("a").contains(Topics.room("hot")));
        assertEquals(0, instances.a.roomCount());
        clients.getFirst().join("hot");
        assertTrue(instances.broker.subscriptions("a").contains(Topics.room("hot")));
        clients.forEach(HubClient::take);
        clients.getLast().join("hot");
        assertEquals(Frames.joined("hot", "user" + (threads - 1)), clients.getFirst().takeOne());
    }

    @Test
    void membersOfAnInstanceThatStopsBeatingAreAnnouncedLeftAndDroppedFromPresence() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        instances.connect(instances.b, "bob", "r");
        alice.take();

        // b stops (killed): only a keeps beating.
        instances.advance(TwoInstances.PRESENCE_TTL.minusSeconds(1));
        instances.a.maintainPresence();
        alice.presence("r");
        assertEquals(presence("r", "alice", "bob"), alice.takeOne());

        instances.advance(Duration.ofSeconds(2));
        alice.presence("r");
        assertEquals(presence("r", "alice"), alice.takeOne(), "hidden as soon as the heartbeat expired");
        instances.a.maintainPresence();
        assertEquals(List.of(left("r", "bob")), alice.take());
        instances.a.maintainPresence();
        assertEquals(List.of(), alice.take(), "announced once");
    }

    @Test
    void afterTheBrokerReconnectsTheInstanceSaysAgainWhoIsHere() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        alice.join("s");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        bob.take();

        instances.presence.wipe();
        instances.a.onReconnected();
        instances.b.onReconnected();
        instances.a.maintainPresence();
        instances.b.maintainPresence();

        bob.presence("r");
        assertEquals(presence("r", "alice", "bob"), bob.takeOne());
        bob.presence("s");
        assertEquals(presence("s", "alice"), bob.takeOne());
    }

    @Test
    void keepAlivePingsEveryConnectionOfTheInstance() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient anna = instances.connect(instances.a, "anna", null);
        HubClient bob = instances.connect(instances.b, "bob", null);

        instances.a.keepAlive();

        assertEquals(1, alice.member().keepAlives());
        assertEquals(1, anna.member().keepAlives());
        assertEquals(0, bob.member().keepAlives());
    }

    @Test
    void metricsCountFramesPublishesErrorsAndDeliveries() {
        HubClient alice = instances.connect(instances.a, "alice", "r");
        instances.connect(instances.a, "anna", "r");
        alice.publish("r", "c1", "0");
        alice.send("{\"type\":\"ping\"}");
        alice.send("nonsense");

        RoomMetrics metrics = instances.a.metrics();
        assertEquals(3, metrics.framesIn());
        assertEquals(1, metrics.published());
        assertEquals(1, metrics.errors());
        // joined(alice) to alice; joined(anna) to alice and anna; the message to both.
        assertEquals(5, metrics.messagesOut());
        assertEquals(2, instances.a.connectionCount());
    }
}
