package dev.arena.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies as JSON objects with a size cap, so that each kind of bad body gets its own clear error
 * (413 too large, 400 not JSON, 400 missing field) instead of a provider's generic failure.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject read(InputStream body, int maxBytes) {
        byte[] bytes = readCapped(body, maxBytes);
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("invalid_json", "The body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw ApiException.badRequest("invalid_json", "The body is not valid JSON.");
        }
    }

    /** A required string field. */
    public static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw ApiException.badRequest("missing_field", "The field \"" + field + "\" is required.");
        }
        if (!(value instanceof JsonString string)) {
            throw ApiException.badRequest("invalid_field", "The field \"" + field + "\" must be a string.");
        }
        return string.getString();
    }

    private static byte[] readCapped(InputStream body, int maxBytes) {
        if (body == null) {
            throw ApiException.badRequest("invalid_json", "A JSON body is required.");
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                        "The body is larger than " + maxBytes + " bytes.");
            }
            if (bytes.length == 0) {
                throw ApiException.badRequest("invalid_json", "A JSON body is required.");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_body", "The body could not be read.");
        }
    }
}
