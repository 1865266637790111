package dev.arena.rooms;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;

/**
 * The one decoder of client frames and encoder of server frames. Decoding goes through JSON-P so that each
 * kind of bad input gets its own error code; encoding through JSON-B. Thread-safe.
 */
public final class FrameCodec {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    public ClientFrame decode(String text) {
        JsonObject object = parseObject(text);
        String id = optionalString(object, "id", null);
        String type = optionalString(object, "type", id);
        if (type == null) {
            throw new FrameException("missing_field", "Every frame needs a \"type\".", id);
        }
        return switch (type) {
            case "join" -> new ClientFrame.Join(room(object, id));
            case "leave" -> new ClientFrame.Leave(room(object, id));
            case "presence" -> new ClientFrame.PresenceQuery(room(object, id));
            case "ping" -> new ClientFrame.Ping();
            case "publish" -> publish(object, id);
            default -> throw new FrameException("unknown_type", "Unknown frame type \"" + abbreviate(type) + "\".", id);
        };
    }

    public String encode(ServerFrame frame) {
        // An ack goes out for every publish, so it is written directly, as room messages are: JSON-B's reflective
        // path cost more CPU than the rest of the publish's own work. Same keys, same order, same escaping.
        if (frame instanceof ServerFrame.Ack ack) {
            return ack(ack);
        }
        return jsonb.toJson(frame);
    }

    public String error(String code, String message, String id) {
        return encode(new ServerFrame.Error(code, message, id));
    }

    private static String ack(ServerFrame.Ack ack) {
        StringBuilder json = new StringBuilder(64).append("{\"type\":\"ack\"");
        if (ack.id() != null) {
            appendQuoted(json.append(",\"id\":"), ack.id());
        }
        json.append(",\"offset\":").append(ack.offset());
        return appendQuoted(json.append(",\"room\":"), ack.room()).append('}').toString();
    }

    /** A JSON string as JSON-P writes one: quote, backslash and control characters escaped, nothing else. */
    private static StringBuilder appendQuoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static JsonObject parseObject(String text) {
        JsonValue value;
        // A parser rather than a reader: a reader stops after the first value and ignores whatever follows it.
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw invalidJson();
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw invalidJson();
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw invalidJson();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new FrameException("invalid_frame", "A frame is a JSON object.", null);
        }
        return value.asJsonObject();
    }

    private static FrameException invalidJson() {
        return new FrameException("invalid_json", "The frame is not valid JSON.", null);
    }

    private static ClientFrame.Publish publish(JsonObject object, String id) {
        String room = room(object, id);
        JsonValue data = object.get("data");
        if (data == null) {
            throw new FrameException("missing_field", "A publish frame needs \"data\".", id);
        }
        return new ClientFrame.Publish(room, id, data);
    }

    private static String room(JsonObject object, String id) {
        String room = optionalString(object, "room", id);
        if (room == null) {
            throw new FrameException("missing_field", "This frame needs a \"room\".", id);
        }
        if (!RoomName.isValid(room)) {
            throw new FrameException("invalid_room", "A room name is 1-64 of A-Z, a-z, 0-9, '_' and '-'.", id);
        }
        return room;
    }

    private static String optionalString(JsonObject object, String field, String id) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new FrameException("invalid_frame", "\"" + field + "\" must be a string.", id);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^A-Za-z0-9_-]", "?");
        return printable.length() > 32 ? printable.substring(0, 32) + "..." : printable;
    }
}
