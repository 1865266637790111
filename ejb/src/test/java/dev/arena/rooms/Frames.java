package dev.arena.rooms;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Expected server frames, built as JSON objects so that assertions compare values, not key order. */
final class Frames {

    private Frames() {
    }

    static JsonObject joined(String room, String user) {
        return Json.createObjectBuilder().add("type", "joined").add("room", room).add("user", user).build();
    }

    static JsonObject left(String room, String user) {
        return Json.createObjectBuilder().add("type", "left").add("room", room).add("user", user).build();
    }

    static JsonObject pong() {
        return Json.createObjectBuilder().add("type", "pong").build();
    }

    static JsonObject ack(String id, String room, long offset) {
        return Json.createObjectBuilder().add("type", "ack").add("id", id).add("room", room).add("offset", offset)
                .build();
    }

    static JsonObject presence(String room, String... members) {
        return Json.createObjectBuilder().add("type", "presence").add("room", room)
                .add("members", Json.createArrayBuilder(List.of(members))).build();
    }

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
