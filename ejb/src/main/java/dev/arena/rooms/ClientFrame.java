package dev.arena.rooms;

import jakarta.json.JsonValue;

/** Frames a client sends (PROTOCOL.md, "Rooms over WebSocket"); decoded by {@link FrameCodec}. */
public sealed interface ClientFrame {

    record Join(String room) implements ClientFrame {
    }

    record Leave(String room) implements ClientFrame {
    }

    /** {@code id} is the client's own correlation id, echoed in the ack; may be null. */
    record Publish(String room, String id, JsonValue data) implements ClientFrame {
    }

    record PresenceQuery(String room) implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }
}
