package dev.arena.rooms;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Member} that keeps every frame sent to it, parsed, for a test to read. Thread-safe. */
final class RecordingMember implements Member {

    private final String id;
    private final String user;
    private final List<JsonObject> frames = new ArrayList<>();
    private final AtomicInteger keepAlives = new AtomicInteger();

    RecordingMember(String id, String user) {
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
        JsonObject parsed;
        try (var reader = Json.createReader(new StringReader(frame))) {
            parsed = reader.readObject();
        }
        synchronized (frames) {
            frames.add(parsed);
        }
    }

    @Override
    public void keepAlive() {
        keepAlives.incrementAndGet();
    }

    /** Everything received since the last call, in order. */
    List<JsonObject> take() {
        synchronized (frames) {
            List<JsonObject> taken = List.copyOf(frames);
            frames.clear();
            return taken;
        }
    }

    /** The one frame received since the last call; fails if there were none or several. */
    JsonObject takeOne() {
        List<JsonObject> taken = take();
        if (taken.size() != 1) {
            throw new AssertionError(user + " expected exactly one frame but got " + taken);
        }
        return taken.getFirst();
    }

    /** Everything received since the last call, keeping only frames of one type. */
    List<JsonObject> take(String type) {
        List<JsonObject> ofType = new ArrayList<>();
        for (JsonObject frame : take()) {
            if (type.equals(frame.getString("type"))) {
                ofType.add(frame);
            }
        }
        return ofType;
    }

    int keepAlives() {
        return keepAlives.get();
    }

    @Override
    public String toString() {
        return user + "/" + id;
    }
}
