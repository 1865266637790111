package dev.arena.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the instance under test, and the checks every error response must pass. */
final class ArenaHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final URI base;

    ArenaHttp(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> postJson(String path, String body, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Checks PROTOCOL.md's error shape: the status, a JSON body {@code {"error":<code>,"message":<sentence>}},
     * and nothing of the server's insides.
     *
     * @return the parsed body
     */
    static JsonObject assertError(HttpResponse<String> response, int status, String code) {
        String body = response.body();
        assertEquals(status, response.statusCode(), () -> "status of " + response.uri() + ": " + body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "content type of " + response.uri() + ": " + response.headers().map());
        JsonObject error = JsonText.object(body);
        assertEquals(code, error.getString("error", null), body);
        assertFalse(error.getString("message", "").isBlank(), body);
        for (String leak : new String[]{"Exception", "\tat ", "<html", "<HTML", "Payara", "jakarta."}) {
            assertFalse(body.contains(leak), () -> "the body shows '" + leak + "': " + body);
        }
        return error;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
