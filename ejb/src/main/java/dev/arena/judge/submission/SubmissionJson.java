package dev.arena.judge.submission;

import dev.arena.judge.TestResult;
import dev.arena.judge.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The JSON shapes of a submission: the whole record, and the {@code submission} event frame. */
public final class SubmissionJson {

    private SubmissionJson() {
    }

    public static JsonObject record(Submission s) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", s.id())
                .add("problemId", s.problemId())
                .add("language", s.language())
                .add("user", s.user())
                .add("status", s.status().name());
        nullable(json, "verdict", s.verdict() == null ? null : s.verdict().name());
        json.add("passed", s.passed())
                .add("total", s.total())
                .add("timeMs", s.timeMs())
                .add("memoryKb", s.memoryKb())
                .add("compileOutput", s.compileOutput() == null ? "" : s.compileOutput())
                .add("tests", tests(s.tests()))
                .add("createdAt", s.createdAt());
        if (s.finishedAt() == null) {
            json.addNull("finishedAt");
        } else {
            json.add("finishedAt", s.finishedAt());
        }
        if (s.message() != null) {
            json.add("message", s.message());
        }
        return json.build();
    }

    /** The event frame; {@code test} is the index of the test just finished, or null. */
    public static String event(Submission s, Integer test) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "submission")
                .add("id", s.id())
                .add("problemId", s.problemId())
                .add("status", s.status().name());
        nullable(json, "verdict", s.verdict() == null ? null : s.verdict().name());
        json.add("passed", s.passed()).add("total", s.total());
        if (test == null) {
            json.addNull("test");
        } else {
            json.add("test", test);
        }
        return json.add("timeMs", s.timeMs()).add("memoryKb", s.memoryKb()).build().toString();
    }

    static JsonArray tests(List<TestResult> tests) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (TestResult t : tests) {
            array.add(Json.createObjectBuilder().add("index", t.index()).add("verdict", t.verdict().name())
                    .add("timeMs", t.timeMs()).add("memoryKb", t.memoryKb()));
        }
        return array.build();
    }

    static List<TestResult> parseTests(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        List<TestResult> tests = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject t = value.asJsonObject();
                tests.add(new TestResult(t.getInt("index"), Verdict.valueOf(t.getString("verdict")),
                        t.getJsonNumber("timeMs").longValue(), t.getJsonNumber("memoryKb").longValue()));
            }
        }
        return tests;
    }

    private static void nullable(JsonObjectBuilder json, String field, String value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value);
        }
    }
}
