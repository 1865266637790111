package dev.arena.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP side the rooms tests need: tokens, per-instance metrics and health. Every
 * request has a 10 s deadline, so a wedged server fails a test instead of hanging it.
 */
final class ArenaHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Instance ids do not change when an instance restarts, so they are looked up once. */
    private static Map<String, URI> knownInstances;

    private ArenaHttp() {
    }

    /** {@code POST /api/sessions {"name": user}} through the front; returns the token. */
    static String token(String user) throws IOException {
        JsonObject body = Json.createObjectBuilder().add("name", user).build();
        HttpRequest request = HttpRequest.newBuilder(Endpoints.front().resolve("/api/sessions"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/sessions for " + user + " answered " + response.statusCode()
                    + ": " + shorten(response.body()));
        }
        JsonObject session = parse(response.body());
        if (!user.equals(session.getString("user", null))) {
            throw new AssertionError("POST /api/sessions for " + user + " answered " + response.body());
        }
        return session.getString("token");
    }

    /** {@code GET /api/metrics} on one instance. */
    static JsonObject metrics(URI instance, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(instance.resolve("/api/metrics"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + request.uri() + " answered " + response.statusCode() + ": "
                    + shorten(response.body()));
        }
        return parse(response.body());
    }

    /** The HTTP status of {@code GET /health} on one instance. */
    static int health(URI instance) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(instance.resolve("/health"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        return send(request).statusCode();
    }

    /** Instance id (the {@code instance} of its metrics) to base URL, for every configured instance. */
    static Map<String, URI> instancesById(String token) throws IOException {
        Map<String, URI> byId = new LinkedHashMap<>();
        for (URI instance : Endpoints.instances()) {
            String id = metrics(instance, token).getString("instance");
            if (byId.put(id, instance) != null) {
                throw new AssertionError("two instances report the id " + id + ": " + byId.get(id) + " and " + instance);
            }
        }
        return byId;
    }

    /** {@link #instancesById} of the cluster, looked up on first use with a token of its own. */
    static synchronized Map<String, URI> knownInstances() throws IOException {
        if (knownInstances == null) {
            knownInstances = Collections.unmodifiableSortedMap(new TreeMap<>(instancesById(token(Endpoints.unique("probe")))));
        }
        return knownInstances;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.uri(), e);
        }
    }

    /** A body fit for a failure message (an HTML error page is long and says little). */
    private static String shorten(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
