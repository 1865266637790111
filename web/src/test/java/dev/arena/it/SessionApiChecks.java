package dev.arena.it;

import static dev.arena.it.ArenaHttp.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code POST /api/sessions} (PROTOCOL.md, "Identity"). */
interface SessionApiChecks extends DeployedArena {

    @Test
    default void signingInAnswers201WithTheUserAndAToken() throws Exception {
        HttpResponse<String> response = http().postJson("/api/sessions", "{\"name\":\"alice_01-x\"}");

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject session = JsonText.object(response.body());
        assertEquals("alice_01-x", session.getString("user"));
        String token = session.getString("token");
        assertFalse(token.isBlank());
        try (SocketClient socket = socket("/ws", token)) {
            assertEquals("alice_01-x", socket.awaitType("welcome").getString("user"));
        }
    }

    @Test
    default void aNameOfThirtyTwoCharactersIsAccepted() {
        String name = "abcdefghijklmnopqrstuvwxyz012345";

        HttpResponse<String> response = http().postJson("/api/sessions", "{\"name\":\"" + name + "\"}");

        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    default void anInvalidNameIs400InvalidName() {
        for (String name : new String[]{"", "a b", "x".repeat(33), "\u00e5sa", "bob!", "../etc"}) {
            assertError(http().postJson("/api/sessions", "{\"name\":\"" + name + "\"}"), 400, "invalid_name");
        }
    }

    @Test
    default void malformedJsonIs400() {
        for (String body : new String[]{"{", "not json", "{\"name\":\"bob\"", "{name:bob}"}) {
            assertError(http().postJson("/api/sessions", body), 400, "invalid_json");
        }
    }

    @Test
    default void aBodyThatIsNotAnObjectOrEmptyIs400() {
        for (String body : new String[]{"[\"bob\"]", "\"bob\"", ""}) {
            assertError(http().postJson("/api/sessions", body), 400, "invalid_json");
        }
    }

    @Test
    default void aMissingNameIs400MissingField() {
        assertError(http().postJson("/api/sessions", "{}"), 400, "missing_field");
        assertError(http().postJson("/api/sessions", "{\"name\":null}"), 400, "missing_field");
        assertError(http().postJson("/api/sessions", "{\"user\":\"bob\"}"), 400, "missing_field");
    }

    @Test
    default void aNameThatIsNotAStringIs400() {
        JsonObject error = assertError(http().postJson("/api/sessions", "{\"name\":42}"), 400, "invalid_field");

        assertTrue(error.getString("message").contains("name"), error::toString);
    }

    @Test
    default void aBodyOverTheLimitIs413() {
        String body = "{\"name\":\"bob\",\"padding\":\"" + "p".repeat(4096) + "\"}";

        assertError(http().postJson("/api/sessions", body), 413, "payload_too_large");
    }
}
