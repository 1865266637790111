package dev.arena.rooms.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.it.TestRedis;
import dev.arena.platform.redis.RedisSettings;
import dev.arena.rooms.Connection;
import dev.arena.rooms.FrameCodec;
import dev.arena.rooms.RoomHub;
import dev.arena.rooms.RoomLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis adapters of rooms against a real Redis: two instances, each a {@link RoomHub} over its own
 * {@link RedisBroker} and {@link RedisPresence}, in this JVM. Each test has its own key prefix. This lives with
 * the web module's integration tests because that module runs Failsafe and {@link TestRedis}.
 *
 * <p>Test classes run one after another, so while these run no other instance uses this Redis: killing every
 * Pub/Sub connection touches only the brokers made here.
 */
@ExtendWith(TestRedis.class)
class RedisRoomsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final Duration HISTORY_TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix = "it-redis-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + ":";
    private final RedisSettings settings = new RedisSettings("127.0.0.1", TestRedis.PORT, "", prefix, 2000);
    private final RedisClient redis = settings.newClient("it-redis-rooms");
    private final Jedis admin = new Jedis("127.0.0.1", TestRedis.PORT);
    private final ExecutorService callbacks = Executors.newCachedThreadPool();
    private final List<RedisBroker> brokers = new ArrayList<>();
    private int members;

    /** One application instance: its hub over its own broker and presence. */
    private record Instance(String name, RoomHub hub, RedisBroker broker) {
    }

    /** One connection of a user on an instance. */
    private record Client(Instance instance, Inbox inbox, Connection connection) {
        void send(String frame) {
            instance.hub().onFrame(connection, frame);
        }
    }

    @AfterEach
    void tearDown() {
        brokers.forEach(RedisBroker::close);
        callbacks.shutdownNow();
        ScanParams ours = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = admin.scan(cursor, ours);
            if (!page.getResult().isEmpty()) {
                admin.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        admin.close();
        redis.close();
    }

    @Test
    void messagesOfARoomReachEveryInstanceInOneOrderWithTheAckedOffsets() throws Exception {
        TwoMembers apart = aliceAndBobOnTwoInstances(1000);
        Client alice = apart.alice();
        Client bob = apart.bob();

        ExecutorService publishers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Client publisher : List.of(alice, bob)) {
                done.add(publishers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String id = publisher.inbox().user() + i;
                        publisher.send("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"" + id + "\",\"data\":\"" + id
                                + "\"}");
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            publishers.shutdownNow();
        }

        List<JsonObject> seenByAlice = messages(alice, 100);
        List<JsonObject> seenByBob = messages(bob, 100);
        assertEquals(LongStream.rangeClosed(1, 100).boxed().toList(), offsets(seenByAlice));
        assertEquals(seenByAlice, seenByBob, "one order for every member on every instance");
        Map<String, Long> offsetOfData = new HashMap<>();
        seenByAlice.forEach(m -> offsetOfData.put(m.getString("data"), m.getJsonNumber("offset").longValue()));
        for (Client publisher : List.of(alice, bob)) {
            List<Long> ownOffsets = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                JsonObject ack = publisher.inbox().awaitType("ack");
                long offset = ack.getJsonNumber("offset").longValue();
                assertEquals(publisher.inbox().user() + i, ack.getString("id"), "acks come in publish order");
                assertEquals(offsetOfData.get(ack.getString("id")), offset, ack::toString);
                ownOffsets.add(offset);
            }
            assertEquals(ownOffsets.stream().sorted().toList(), ownOffsets, "a publisher's messages keep its order");
        }
    }

    @Test
    void aPublishWhoseAppendRedisLeavesUnansweredFailsWithItsIdAndTheNextSucceeds() {
        Instance a = start("a", 100, 15);
        Client alice = enter(a, "alice", "r");

        // Redis takes the append but runs no command for longer than the client's timeout (2 s).
        admin.clientPause(3500);
        alice.send("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"late\",\"data\":1}");
        JsonObject error = alice.inbox().awaitType("error");
        assertEquals("unavailable", error.getString("code"), error::toString);
        assertEquals("late", error.getString("id"), "the error names the publish");

        alice.send("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"next\",\"data\":2}");
        assertEquals("next", alice.inbox().awaitType("ack").getString("id"), "served once Redis runs commands again");
    }

    @Test
    void aRoomKeepsOnlyItsNewestMessages() {
        Instance a = start("a", 5, 15);
        Client alice = enter(a, "alice", "capped");

        for (int i = 1; i <= 8; i++) {
            alice.send("{\"type\":\"publish\",\"room\":\"capped\",\"id\":\"c" + i + "\",\"data\":" + i + "}");
        }

        List<JsonObject> kept = admin.lrange(prefix + "room:{capped}:log", 0, -1).stream().map(Inbox::parse).toList();
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), offsets(kept));
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), kept.stream().map(f -> f.getJsonNumber("data").longValue()).toList());
    }

    @Test
    void theHistoryHandsOutTheKeptFramesOfAnOffsetRange() {
        Instance a = start("a", 5, 15);
        Client alice = enter(a, "alice", "capped");
        assertEquals(List.of(), a.broker().history("capped", 0, Long.MAX_VALUE), "nothing published yet");
        for (int i = 1; i <= 8; i++) {
            alice.send("{\"type\":\"publish\",\"room\":\"capped\",\"id\":\"c" + i + "\",\"data\":" + i + "}");
        }

        assertEquals(List.of(5L, 6L), historyOffsets(a, "capped", 4, 6));
        assertEquals(List.of(7L, 8L), historyOffsets(a, "capped", 6, Long.MAX_VALUE));
        assertEquals(List.of(4L, 5L), historyOffsets(a, "capped", 0, 5), "offsets 1..3 are gone");
        assertEquals(List.of(), historyOffsets(a, "capped", 0, 3), "all of them gone");
        assertEquals(List.of(), historyOffsets(a, "capped", 8, Long.MAX_VALUE), "nothing after the last");
        assertEquals(List.of(8L), historyOffsets(a, "capped", 7, 100), "nothing beyond the last");
        assertEquals(List.of(), historyOffsets(a, "capped", 6, 6), "an empty range");
        assertEquals(List.of(), a.broker().history("never-used", 0, Long.MAX_VALUE));
    }

    @Test
    void aQuietRoomsHistoryExpiresWhileItsOffsetsGoOn() {
        Instance a = start("a", 100, 15, Duration.ofSeconds(1));
        Client alice = enter(a, "alice", "quiet");
        alice.send("{\"type\":\"publish\",\"room\":\"quiet\",\"id\":\"c1\",\"data\":1}");
        assertEquals(1, alice.inbox().awaitType("ack").getJsonNumber("offset").longValue());
        String history = prefix + "room:{quiet}:log";
        long ttl = admin.ttl(history);
        assertTrue(ttl > 0 && ttl <= 1, "history expires: ttl " + ttl);
        assertEquals(-1, admin.ttl(prefix + "room:{quiet}:seq"), "the sequence is kept");

        awaitTrue(() -> !admin.exists(history), "the quiet room's history expired");
        assertEquals(List.of(), a.broker().history("quiet", 0, Long.MAX_VALUE), "an expired history is empty");
        alice.send("{\"type\":\"publish\",\"room\":\"quiet\",\"id\":\"c2\",\"data\":2}");
        assertEquals(2, alice.inbox().awaitType("ack").getJsonNumber("offset").longValue());
        assertEquals(List.of(2L), historyOffsets(a, "quiet", 0, Long.MAX_VALUE), "the history starts again at the next offset");
    }

    @Test
    void anInstanceListensToARoomOnlyWhileOneOfItsConnectionsIsIn() {
        Instance a = start("a", 100, 15);
        String channel = prefix + "room:{quiet}";
        Client alice = enter(a, "alice", "quiet");
        Client anna = enter(a, "anna", "quiet");
        assertTrue(admin.pubsubChannels(prefix + "room:*").contains(channel), "subscribed once joined");

        alice.send("{\"type\":\"leave\",\"room\":\"quiet\"}");
        assertTrue(admin.pubsubChannels(prefix + "room:*").contains(channel), "anna is still in");
        a.hub().close(anna.connection());

        awaitTrue(() -> !admin.pubsubChannels(prefix + "room:*").contains(channel), "unsubscribed after the last left");
    }

    @Test
    void aBrokerWhoseConnectionWasKilledSubscribesAgainAndSaysAgainWhoIsHere() {
        TwoMembers apart = aliceAndBobOnTwoInstances(100);
        Client alice = apart.alice();
        Client bob = apart.bob();
        admin.del(prefix + "room:{r}:members");

        admin.clientKill(ClientKillParams.clientKillParams().type(ClientType.PUBSUB));

        int[] probes = {0};
        awaitTrue(() -> {
            bob.send("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"probe\",\"data\":" + probes[0]++ + "}");
            return alice.inbox().holds(frame -> "message".equals(frame.getString("type", null)));
        }, "alice receives bob's messages again");
        awaitTrue(() -> {
            alice.send("{\"type\":\"presence\",\"room\":\"r\"}");
            JsonObject presence = alice.inbox().awaitType("presence");
            return presence.getJsonArray("members").getValuesAs(JsonString::getString).equals(List.of("alice", "bob"));
        }, "both instances re-assert their members");
    }

    @Test
    void whatAnInstanceMissedWhileItsSubscriberWasDownReachesItFromTheHistoryInOrder() {
        TwoMembers apart = aliceAndBobOnTwoInstances(1000);
        Client alice = apart.alice();
        Client bob = apart.bob();
        bob.send("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"m1\",\"data\":1}");
        assertEquals(1, alice.inbox().awaitType("message").getJsonNumber("offset").longValue());

        // Appends go through the command connections, so they go on while no instance hears the channel.
        admin.clientKill(ClientKillParams.clientKillParams().type(ClientType.PUBSUB));
        for (int i = 2; i <= 30; i++) {
            bob.send("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"m" + i + "\",\"data\":" + i + "}");
        }

        List<JsonObject> caughtUp = messages(alice, 29);
        assertEquals(LongStream.rangeClosed(2, 30).boxed().toList(), offsets(caughtUp), "every offset once, in order");
        assertEquals(LongStream.rangeClosed(2, 30).boxed().toList(),
                caughtUp.stream().map(m -> m.getJsonNumber("data").longValue()).toList(), "each with its own message");
    }

    @Test
    void membersOfAnInstanceThatStoppedAreDroppedAndAnnouncedLeft() {
        Instance a = start("a", 100, 15);
        Instance b = start("b", 100, 2);
        Client alice = enter(a, "alice", "r");
        enter(b, "bob", "r");
        alice.inbox().await(frame -> "bob".equals(frame.getString("user", null)), "bob joining");
        awaitTrue(() -> {
            b.hub().maintainPresence();
            alice.send("{\"type\":\"presence\",\"room\":\"r\"}");
            return members(alice.inbox().awaitType("presence")).equals(List.of("alice", "bob"));
        }, "bob present while b beats");

        // b stops: no more heartbeats, no more subscriber.
        b.broker().close();

        awaitTrue(() -> {
            alice.send("{\"type\":\"presence\",\"room\":\"r\"}");
            return members(alice.inbox().awaitType("presence")).equals(List.of("alice"));
        }, "bob hidden once b's heartbeat expired");
        a.hub().maintainPresence();
        JsonObject left = alice.inbox().awaitType("left");
        assertEquals("bob", left.getString("user"));
        assertEquals(List.of("alice"), List.copyOf(admin.hgetAll(prefix + "room:{r}:members").values()));
    }

    private Instance start(String name, int historySize, long presenceTtlSeconds) {
        return start(name, historySize, presenceTtlSeconds, HISTORY_TTL);
    }

    private Instance start(String name, int historySize, long presenceTtlSeconds, Duration historyTtl) {
        RedisBroker broker = new RedisBroker(settings, redis, name, historySize, historyTtl,
                Thread.ofPlatform().factory(), 2, callbacks);
        brokers.add(broker);
        RoomHub hub = new RoomHub(broker, new RedisPresence(settings, redis, name, presenceTtlSeconds),
                new FrameCodec(), RoomLimits.defaults(), name, System::nanoTime, System::currentTimeMillis);
        broker.start();
        hub.maintainPresence();
        return new Instance(name, hub, broker);
    }

    /** Alice on instance a and Bob on instance b, both in room r, once Alice has seen Bob join. */
    private record TwoMembers(Client alice, Client bob) {
    }

    private TwoMembers aliceAndBobOnTwoInstances(int historySize) {
        Instance a = start("a", historySize, 15);
        Instance b = start("b", historySize, 15);
        Client alice = enter(a, "alice", "r");
        Client bob = enter(b, "bob", "r");
        alice.inbox().await(frame -> "bob".equals(frame.getString("user", null)), "bob joining");
        return new TwoMembers(alice, bob);
    }

    private Client enter(Instance instance, String user, String room) {
        Inbox inbox = new Inbox("m" + ++members, user);
        Connection connection = instance.hub().open(inbox, room, null);
        inbox.awaitType("welcome");
        inbox.await(frame -> "joined".equals(frame.getString("type", null))
                && user.equals(frame.getString("user", null)), "own joined");
        return new Client(instance, inbox, connection);
    }

    private static List<JsonObject> messages(Client client, int count) {
        List<JsonObject> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.add(client.inbox().awaitType("message"));
        }
        return messages;
    }

    private static List<Long> historyOffsets(Instance instance, String room, long after, long upTo) {
        return offsets(instance.broker().history(room, after, upTo).stream().map(Inbox::parse).toList());
    }

    private static List<Long> offsets(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getJsonNumber("offset").longValue()).toList();
    }

    private static List<String> members(JsonObject presence) {
        return presence.getJsonArray("members").getValuesAs(JsonString::getString);
    }

    private static void awaitTrue(BooleanSupplier condition, String description) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + description);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
