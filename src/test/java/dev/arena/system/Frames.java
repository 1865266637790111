package dev.arena.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The frames of the protocol as the tests build and recognise them. A {@link Expect}
 * pairs a predicate with a description, so that a wait that times out says what it
 * waited for.
 */
final class Frames {

    private Frames() {
    }

    /** A frame the test waits for: what it is, in words, and how to recognise it. */
    record Expect(String description, Predicate<JsonObject> test) {

        Expect and(String more, Predicate<JsonObject> extra) {
            return new Expect(description + " " + more, test.and(extra));
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Expect type(String type) {
        return new Expect("'" + type + "' frame", f -> type.equals(text(f, "type")));
    }

    static Expect welcome() {
        return type("welcome");
    }

    static Expect pong() {
        return type("pong");
    }

    static Expect anyError() {
        return type("error");
    }

    static Expect ack(String id) {
        return type("ack").and("for id " + id, f -> id.equals(text(f, "id")));
    }

    /** The server's answer to a frame that carried {@code id}: its ack or an error. */
    static Expect replyTo(String id) {
        return new Expect("ack or error for id " + id,
                f -> ("ack".equals(text(f, "type")) || "error".equals(text(f, "type"))) && id.equals(text(f, "id")));
    }

    static Expect message(String room) {
        return type("message").and("in room " + room, f -> room.equals(text(f, "room")));
    }

    /** A room message whose {@code data} carries this marker (see {@link #markedData}). */
    static Expect marked(String room, String marker) {
        return message(room).and("marked " + marker, f -> marker.equals(marker(f)));
    }

    static Expect joined(String room, String user) {
        return type("joined").and("of " + user + " in " + room,
                f -> room.equals(text(f, "room")) && user.equals(text(f, "user")));
    }

    static Expect left(String room, String user) {
        return type("left").and("of " + user + " in " + room,
                f -> room.equals(text(f, "room")) && user.equals(text(f, "user")));
    }

    static Expect presence(String room) {
        return type("presence").and("of room " + room, f -> room.equals(text(f, "room")));
    }

    /** A judge event ({@code type} {@code submission}) about one submission. */
    static Expect submission(String id) {
        return type("submission").and("for submission " + id, f -> id.equals(text(f, "id")));
    }

    /** The {@code DONE} event of one submission. */
    static Expect submissionDone(String id) {
        return submission(id).and("with status DONE", f -> "DONE".equals(text(f, "status")));
    }

    static JsonObject join(String room) {
        return Json.createObjectBuilder().add("type", "join").add("room", room).build();
    }

    static JsonObject leave(String room) {
        return Json.createObjectBuilder().add("type", "leave").add("room", room).build();
    }

    static JsonObject publish(String room, String id, JsonValue data) {
        return Json.createObjectBuilder().add("type", "publish").add("room", room).add("id", id).add("data", data).build();
    }

    static JsonObject presenceRequest(String room) {
        return Json.createObjectBuilder().add("type", "presence").add("room", room).build();
    }

    static JsonObject ping() {
        return Json.createObjectBuilder().add("type", "ping").build();
    }

    /** Data that a test can recognise again when it arrives: {@code {"marker": m}}. */
    static JsonObject markedData(String marker) {
        return Json.createObjectBuilder().add("marker", marker).build();
    }

    /** The marker of a message's data, or null when it has none. */
    static String marker(JsonObject frame) {
        JsonValue data = frame.get("data");
        if (data instanceof JsonObject object && object.get("marker") instanceof JsonString s) {
            return s.getString();
        }
        return null;
    }

    /** The string field {@code name}, or null when absent or not a string. */
    static String text(JsonObject frame, String name) {
        return frame.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** The {@code offset} of an ack or message; fails when it is missing. */
    static long offset(JsonObject frame) {
        Objects.requireNonNull(frame.getJsonNumber("offset"), () -> "no offset in " + frame);
        return frame.getJsonNumber("offset").longValueExact();
    }

    /** The {@code members} of a presence frame, sorted. */
    static Set<String> members(JsonObject presence) {
        Set<String> members = new TreeSet<>();
        presence.getJsonArray("members").getValuesAs(JsonString.class).forEach(s -> members.add(s.getString()));
        return members;
    }
}
