package dev.arena.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Parsing of what the server sends. */
final class JsonText {

    private JsonText() {
    }

    static JsonObject object(String text) {
        JsonValue value = value(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new AssertionError("expected a JSON object but got: " + text);
        }
        return value.asJsonObject();
    }

    static JsonValue value(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON: " + abbreviate(text), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
    }
}
