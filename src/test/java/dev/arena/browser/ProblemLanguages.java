package dev.arena.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The languages one instance offers for a problem, read from its public API. */
final class ProblemLanguages {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProblemLanguages() {
    }

    static List<String> offered(URI base, String problem) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/problems/" + problem))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject json = reader.readObject();
                return json.getJsonArray("languages").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
            }
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
