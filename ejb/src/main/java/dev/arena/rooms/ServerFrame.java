package dev.arena.rooms;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.List;

/**
 * Frames the server sends (PROTOCOL.md), encoded by {@link FrameCodec} with the {@code type} key first.
 * Room messages are not here: they are assembled once, in the room log, and fanned out as they are.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "welcome", type = ServerFrame.Welcome.class),
        @JsonbSubtype(alias = "ack", type = ServerFrame.Ack.class),
        @JsonbSubtype(alias = "joined", type = ServerFrame.Joined.class),
        @JsonbSubtype(alias = "left", type = ServerFrame.Left.class),
        @JsonbSubtype(alias = "presence", type = ServerFrame.Presence.class),
        @JsonbSubtype(alias = "pong", type = ServerFrame.Pong.class),
        @JsonbSubtype(alias = "error", type = ServerFrame.Error.class)
})
public sealed interface ServerFrame {

    record Welcome(String instance, String user, List<String> rooms, String country) implements ServerFrame {
    }

    record Ack(String id, String room, long offset) implements ServerFrame {
    }

    record Joined(String room, String user) implements ServerFrame {
    }

    record Left(String room, String user) implements ServerFrame {
    }

    record Presence(String room, List<String> members) implements ServerFrame {
    }

    record Pong() implements ServerFrame {
    }

    record Error(String code, String message, String id) implements ServerFrame {
    }
}
