package dev.arena.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arena.identity.TokenService;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running application as the checks see it: its address, and clients for it. Implemented by the test class
 * that owns the deployment.
 */
interface DeployedArena {

    /** The secret the instance under test signs tokens with (arquillian.xml passes the same). */
    String TOKEN_SECRET = "integration-tests-token-secret-0123456789";
    /** The name the instance under test is given (arquillian.xml). */
    String INSTANCE = "it-1";
    /**
     * Publishes per second a connection may sustain after its burst of 200, as arquillian.xml configures it.
     * The default (100) is more than a loaded build machine serves, and then no publish would ever be refused.
     */
    int PUBLISH_RATE = 5;

    /** {@code http://host:port/} of the instance. */
    URI baseUri();

    default ArenaHttp http() {
        return new ArenaHttp(baseUri());
    }

    /** Signs in through the API and returns the token. */
    default String signIn(String user) {
        var response = http().postJson("/api/sessions", "{\"name\":\"" + user + "\"}");
        assertEquals(201, response.statusCode(), response::body);
        return JsonText.object(response.body()).getString("token");
    }

    /** Opens a WebSocket at a path such as {@code /ws?room=r} with the token as the query asks. */
    default SocketClient socket(String path, String token) throws IOException {
        String separator = path.contains("?") ? "&" : "?";
        String query = token == null ? "" : separator + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        URI http = baseUri().resolve(path + query);
        return SocketClient.open(URI.create("ws" + http.toString().substring("http".length())));
    }

    /**
     * Signs a user in and opens {@code /ws?room=<room>} (or {@code /ws} without a room), reading what comes
     * first: the welcome, and the user's own {@code joined} when a room was named.
     */
    default SocketClient enter(String user, String room) throws IOException {
        SocketClient client = socket(room == null ? "/ws" : "/ws?room=" + room, signIn(user));
        try {
            JsonObject welcome = client.next();
            assertEquals("welcome", welcome.getString("type"), welcome::toString);
            if (room != null) {
                assertEquals(List.of(room), welcome.getJsonArray("rooms").getValuesAs(JsonString::getString));
                JsonObject joined = client.next();
                assertEquals("joined", joined.getString("type"), joined::toString);
                assertEquals(user, joined.getString("user"), joined::toString);
            }
            return client;
        } catch (AssertionError e) {
            client.close();
            throw e;
        }
    }

    /** A token signed with the instance's secret, as any other instance would have issued it. */
    static String tokenIssuedElsewhere(String user, Duration validFor, Clock clock) {
        return new TokenService(TOKEN_SECRET, validFor, clock).issue(user);
    }

    /** A room name no other check (and no earlier run against the same Redis) uses. */
    static String uniqueRoom(String purpose) {
        return purpose + "-" + Rooms.RUN + "-" + Rooms.NEXT.incrementAndGet();
    }

    /** Room naming state shared by all checks of one run. */
    final class Rooms {
        private static final String RUN = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        private static final AtomicInteger NEXT = new AtomicInteger();

        private Rooms() {
        }
    }
}
