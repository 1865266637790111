package dev.arena.rooms;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** One open connection on a {@link RoomHub}, sending frames as a client would and reading what it received. */
record HubClient(RoomHub hub, RecordingMember member, Connection connection) {

    void send(String frame) {
        hub.onFrame(connection, frame);
    }

    void join(String room) {
        send(frame("join", room).toString());
    }

    void leave(String room) {
        send(frame("leave", room).toString());
    }

    void presence(String room) {
        send(frame("presence", room).toString());
    }

    void publish(String room, String id, String dataJson) {
        send("{\"type\":\"publish\",\"room\":\"" + room + "\",\"id\":\"" + id + "\",\"data\":" + dataJson + "}");
    }

    void close() {
        hub.close(connection);
    }

    List<JsonObject> take() {
        return member.take();
    }

    List<JsonObject> take(String type) {
        return member.take(type);
    }

    JsonObject takeOne() {
        return member.takeOne();
    }

    String user() {
        return member.user();
    }

    private static JsonObject frame(String type, String room) {
        return Json.createObjectBuilder().add("type", type).add("room", room).build();
    }
}
