package dev.arena.rooms;

import static dev.arena.rooms.Frames.ack;
import static dev.arena.rooms.Frames.joined;
import static dev.arena.rooms.Frames.left;
import static dev.arena.rooms.Frames.pong;
import static dev.arena.rooms.Frames.presence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the hub refuses, and what it answers while the broker is away. */
class RoomHubLimitsTest {

    @Test
    void aConnectionMayNotJoinMoreRoomsThanTheLimit() {
        TwoInstances instances = new TwoInstances(new RoomLimits(3, 100, 200, Duration.ofSeconds(1)));
        HubClient alice = instances.connect(instances.a, "alice", "r1");
        alice.join("r2");
        alice.join("r3");
        alice.take();

        alice.join("r4");

        JsonObject error = alice.takeOne();
        assertEquals("too_many_rooms", error.getString("code"));
        assertTrue(error.getString("message").contains("3"), error::toString);
        assertFalse(instances.broker.subscriptions("a").contains(Topics.room("r4")));
        alice.leave("r1");
        alice.join("r4");
        assertEquals(joined("r4", "alice"), alice.take("joined").getFirst());
    }

    @Test
    void theDefaultLimitIsAHundredRooms() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", null);
        for (int i = 1; i <= 100; i++) {
            alice.join("room" + i);
        }
        assertEquals(100, alice.take("joined").size());

        alice.join("room101");

        assertEquals("too_many_rooms", alice.takeOne().getString("code"));
    }

    @Test
    void publishesBeyondTheBurstAreRateLimitedUntilTheBucketRefills() {
        TwoInstances instances = new TwoInstances(new RoomLimits(100, 10, 3, Duration.ofSeconds(1)));
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        alice.take();
        bob.take();

        for (int i = 1; i <= 3; i++) {
            alice.publish("r", "c" + i, "0");
            assertEquals(ack("c" + i, "r", i), alice.take("ack").getFirst());
        }
        alice.publish("r", "c4", "0");

        JsonObject refused = alice.takeOne();
        assertEquals("rate_limited", refused.getString("code"));
        assertEquals("c4", refused.getString("id"));
        assertEquals(3, bob.take("message").size());

        instances.advance(Duration.ofMillis(99));
        alice.publish("r", "c5", "0");
        assertEquals("rate_limited", alice.takeOne().getString("code"));

        instances.advance(Duration.ofMillis(2));
        alice.publish("r", "c6", "0");
        assertEquals(ack("c6", "r", 4), alice.take("ack").getFirst());
    }

    @Test
    void theRateIsCountedPerConnection() {
        TwoInstances instances = new TwoInstances(new RoomLimits(100, 10, 1, Duration.ofSeconds(1)));
        HubClient first = instances.connect(instances.a, "alice", "r");
        HubClient second = instances.connect(instances.a, "alice", "r");
        first.publish("r", "c1", "0");
        first.take();
        second.take();

        second.publish("r", "c2", "0");

        assertEquals(ack("c2", "r", 2), second.take("ack").getFirst());
    }

    @Test
    void aPublishTheBrokerCannotTakeIsAnUnavailableErrorWithItsId() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        alice.publish("r", "c1", "0");
        alice.take();
        bob.take();

        instances.broker.setUnavailable(true);
        alice.publish("r", "c2", "0");

        JsonObject error = alice.takeOne();
        assertEquals("error", error.getString("type"));
        assertEquals("unavailable", error.getString("code"));
        assertEquals("c2", error.getString("id"));
        assertEquals(List.of(), bob.take());

        instances.broker.setUnavailable(false);
        alice.publish("r", "c3", "0");
        assertEquals(ack("c3", "r", 2), alice.take("ack").getFirst());
        assertEquals(2, bob.takeOne().getJsonNumber("offset").longValue());
    }

    @Test
    void aJoinTheBrokerCannotConfirmIsRolledBack() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", null);
        alice.take();

        instances.broker.setUnavailable(true);
        alice.join("r");

        assertEquals("unavailable", alice.takeOne().getString("code"));
        assertFalse(instances.broker.subscriptions("a").contains(Topics.room("r")));
        instances.broker.setUnavailable(false);
        alice.publish("r", "c1", "0");
        assertEquals("not_member", alice.takeOne().getString("code"));
        alice.join("r");
        assertEquals(joined("r", "alice"), alice.takeOne());
    }

    @Test
    void aPresenceQueryWithoutPresenceIsAnUnavailableErrorAndTheConnectionStaysUsable() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", "r");
        alice.take();

        instances.presence.setUnavailable(true);
        alice.presence("r");
        assertEquals("unavailable", alice.takeOne().getString("code"));
        alice.send("{\"type\":\"ping\"}");
        assertEquals(pong(), alice.takeOne());

        instances.presence.setUnavailable(false);
        alice.presence("r");
        assertEquals(presence("r", "alice"), alice.takeOne());
    }

    @Test
    void aConnectionClosedWhileTheBrokerIsAwayIsAnnouncedLeftOnceItIsBack() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        alice.take();

        outage(instances, true);
        bob.close();
        outage(instances, false);
        assertEquals(List.of(), alice.take(), "nobody could be told during the outage");

        instances.b.maintainPresence();
        assertEquals(List.of(left("r", "bob")), alice.take());
        alice.presence("r");
        assertEquals(presence("r", "alice"), alice.takeOne());
        instances.b.maintainPresence();
        assertEquals(List.of(), alice.take(), "announced once");
    }

    @Test
    void aLeaveWhileTheBrokerIsAwayTakesEffectAndIsAnnouncedOnceItIsBack() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");
        alice.take();
        bob.take();

        outage(instances, true);
        bob.leave("r");
        assertEquals(List.of(left("r", "bob")), bob.take());
        outage(instances, false);

        instances.b.maintainPresence();
        assertEquals(List.of(left("r", "bob")), alice.take());
        alice.presence("r");
        assertEquals(presence("r", "alice"), alice.takeOne());
        alice.publish("r", "c1", "0");
        assertEquals(List.of(), bob.take());
    }

    @Test
    void aMemberWhoLeftDuringAnOutageAndCameBackIsNotDroppedLater() {
        TwoInstances instances = new TwoInstances();
        HubClient alice = instances.connect(instances.a, "alice", "r");
        HubClient bob = instances.connect(instances.b, "bob", "r");

        outage(instances, true);
        bob.leave("r");
        outage(instances, false);
        bob.join("r");
        alice.take();
        instances.b.maintainPresence();

        assertEquals(List.of(), alice.take());
        alice.presence("r");
        assertEquals(presence("r", "alice", "bob"), alice.takeOne());
    }

    private static void outage(TwoInstances instances, boolean unavailable) {
        instances.broker.setUnavailable(unavailable);
        instances.presence.setUnavailable(unavailable);
    }
}
