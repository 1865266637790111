package dev.arena.rooms;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two application instances, {@code a} and {@code b}, as two {@link RoomHub}s sharing one in-memory broker and
 * presence, with one clock that only the test moves (the rate limiter and presence TTLs read it).
 */
final class TwoInstances {

    static final long START_EPOCH_MILLIS = 1_800_000_000_000L;
    static final Duration PRESENCE_TTL = Duration.ofSeconds(15);

    final InMemoryBroker broker = new InMemoryBroker(50);
    final InMemoryPresence presence;
    final RoomHub a;
    final RoomHub b;
    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    private final AtomicInteger connections = new AtomicInteger();

    TwoInstances() {
        this(RoomLimits.defaults());
    }

    TwoInstances(RoomLimits limits) {
        presence = new InMemoryPresence(PRESENCE_TTL, this::epochMillis);
        a = hub("a", limits);
        b = hub("b", limits);
        // As at start-up: each instance announces its heartbeat before any client arrives.
        a.maintainPresence();
        b.maintainPresence();
    }

    /** Opens a connection of {@code user} on a hub, joining {@code room} if not null. */
    HubClient connect(RoomHub hub, String user, String room) {
        return connect(hub, user, room, null);
    }

    HubClient connect(RoomHub hub, String user, String room, String country) {
        RecordingMember member = new RecordingMember("m" + connections.incrementAndGet(), user);
        return new HubClient(hub, member, hub.open(member, room, country));
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    long epochMillis() {
        return START_EPOCH_MILLIS + nanos.get() / 1_000_000;
    }

    private RoomHub hub(String instance, RoomLimits limits) {
        return new RoomHub(broker.connect(instance), presence.forInstance(instance), new FrameCodec(), limits,
                instance, nanos::get, this::epochMillis);
    }
}
