package dev.arena.rooms.redis;

import dev.arena.rooms.Member;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link Member} whose frames a test reads with deadlines. Frames arrive on the broker's thread and on
 * the test's; one test thread reads.
 */
final class Inbox implements Member {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String id;
    private final String user;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final Deque<JsonObject> passedOver = new ArrayDeque<>();

    Inbox(String id, String user) {
        this.id = id;
        this.user = user;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public void send(String frame) {
        frames.add(parse(frame));
    }

    static JsonObject parse(String frame) {
        try (var reader = Json.createReader(new StringReader(frame))) {
            return reader.readObject();
        }
    }

    @Override
    public void keepAlive() {
        // Nothing to keep alive in memory.
    }

    /** The first frame that matches; frames before it stay unread, in order. */
    JsonObject await(Predicate<JsonObject> wanted, String description) {
        for (Iterator<JsonObject> earlier = passedOver.iterator(); earlier.hasNext(); ) {
            JsonObject frame = earlier.next();
            if (wanted.test(frame)) {
                earlier.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonObject frame;
            try {
                frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (frame == null) {
                throw new AssertionError(user + ": no " + description + " within " + TIMEOUT + "; unread: "
                        + passedOver);
            }
            if (wanted.test(frame)) {
                return frame;
            }
            passedOver.addLast(frame);
        }
    }

    JsonObject awaitType(String type) {
        return await(frame -> type.equals(frame.getString("type", null)), "'" + type + "' frame");
    }

    /** Whether a frame that matches is among those received and not read yet. */
    boolean holds(Predicate<JsonObject> wanted) {
        frames.drainTo(passedOver);
        return passedOver.stream().anyMatch(wanted);
    }
}
