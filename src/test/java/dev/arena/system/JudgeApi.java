package dev.arena.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The judge's HTTP API as a client sees it: submissions, their records and the judge's
 * status, on the Nginx front or on one instance's own port. Every request has a 10 s
 * deadline, so a wedged server fails a test instead of hanging it. The {@code raw}
 * calls return whatever came back; the others fail unless the answer is the success
 * the protocol promises.
 */
final class JudgeApi {

    static final String PROBLEM = "a-plus-b";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private JudgeApi() {
    }

    /** An HTTP answer: status, headers and body text. */
    record Reply(String call, int status, HttpHeaders headers, String body) {

        JsonObject json() {
            return parse(body).asJsonObject();
        }

        JsonArray jsonArray() {
            return parse(body).asJsonArray();
        }

        /** The {@code error} code of an error body, or null when the body is not one. */
        String error() {
            try {
                return parse(body) instanceof JsonObject object ? object.getString("error", null) : null;
            } catch (JsonException | IllegalStateException e) {
                return null;
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return call + " answered " + status + ": " + (body.length() <= 300 ? body : body.substring(0, 300) + "...");
        }
    }

    /** The body of {@code POST /api/submissions}. */
    static String submissionBody(String problemId, String language, String code) {
        return Json.createObjectBuilder().add("problemId", problemId).add("language", language).add("code", code)
                .build().toString();
    }

    /** {@code POST /api/submissions} of a program for the bundled problem; whatever the answer. */
    static Reply submitRaw(URI base, String token, Programs.Program program) throws IOException {
        return postRaw(base, "/api/submissions", token, submissionBody(PROBLEM, program.language(), program.code()));
    }

    /**
     * {@code POST /api/submissions} that must be accepted: {@code 202 {"id","status":"QUEUED"}}
     * with a {@code Location} naming the new record. Returns the id.
     */
    static String submit(URI base, String token, Programs.Program program) throws IOException {
        Reply reply = submitRaw(base, token, program);
        if (reply.status() != 202) {
            throw new AssertionError("submitting " + program + ": " + reply);
        }
        JsonObject accepted = reply.json();
        String id = accepted.getString("id", null);
        if (id == null || id.isEmpty() || !"QUEUED".equals(accepted.getString("status", null))) {
            throw new AssertionError("submitting " + program + ": not {\"id\",\"status\":\"QUEUED\"}: " + reply);
        }
        String location = reply.header("Location").orElseThrow(() ->
                new AssertionError("submitting " + program + ": no Location header: " + reply));
        if (!location.endsWith("/api/submissions/" + id)) {
            throw new AssertionError("submitting " + program + ": Location " + location + " does not name " + id);
        }
        return id;
    }

    /** {@code POST path} with a body sent as it is; {@code token} null sends no Authorization. */
    static Reply postRaw(URI base, String path, String token, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** {@code GET path}; {@code token} null sends no Authorization. */
    static Reply getRaw(URI base, String path, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** {@code GET /api/submissions/{id}} that must answer 200: the record. */
    static JsonObject record(URI base, String token, String id) throws IOException {
        Reply reply = getRaw(base, "/api/submissions/" + id, token);
        if (reply.status() != 200) {
            throw new AssertionError(reply.toString());
        }
        return reply.json();
    }

    /** {@code GET /api/submissions}: the caller's most recent records, newest first. */
    static JsonArray recent(URI base, String token) throws IOException {
        Reply reply = getRaw(base, "/api/submissions", token);
        if (reply.status() != 200) {
            throw new AssertionError(reply.toString());
        }
        return reply.jsonArray();
    }

    /** {@code GET /api/judge} on one instance: the queue's depth and that instance's workers. */
    static JsonObject status(URI instance) throws IOException {
        Reply reply = getRaw(instance, "/api/judge", null);
        if (reply.status() != 200) {
            throw new AssertionError(reply.toString());
        }
        return reply.json();
    }

    private static Reply send(HttpRequest request) throws IOException {
        String call = request.method() + " " + request.uri();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(call, response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + call, e);
        }
    }

    private static JsonValue parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
