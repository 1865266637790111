package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;

/**
 * What the protocol promises about one submission: the {@code submission} events its
 * owner's sockets receive ({@code QUEUED}, then {@code RUNNING} one or more times, then
 * one {@code DONE}) and the record {@code GET /api/submissions/{id}} returns, and that the
 * two agree.
 */
final class SubmissionEvents {

    /** The fields a {@code DONE} event shares with the record. */
    private static final List<String> SHARED_TEXT = List.of("id", "problemId", "status", "verdict");
    private static final List<String> SHARED_NUMBERS = List.of("passed", "total", "timeMs", "memoryKb");

    private SubmissionEvents() {
    }

    /** Waits for the {@code DONE} event of a submission on one socket and returns it. */
    static JsonObject awaitDone(RoomClient client, String id, Duration timeout) {
        return client.awaitCount(Frames.submissionDone(id), 1, timeout).getFirst();
    }

    /** The statuses of the events about one submission, in arrival order. */
    static List<String> statuses(RoomClient client, String id) {
        return client.received(Frames.submission(id)).stream().map(f -> Frames.text(f, "status")).toList();
    }

    /**
     * The events of a submission judged once, as one socket received them: exactly one
     * {@code QUEUED}, then {@code RUNNING} (first with {@code test} null, then with the
     * index of each test reported, increasing), then exactly one {@code DONE}; every one
     * about the same problem, and no verdict before {@code DONE}.
     */
    static void assertJudgedOnce(RoomClient client, String id) {
        List<JsonObject> events = client.received(Frames.submission(id));
        List<String> statuses = events.stream().map(f -> Frames.text(f, "status")).toList();
        String order = String.join(",", statuses);
        assertTrue(order.matches("QUEUED(,RUNNING)+,DONE"),
                () -> client + " received the events of " + id + " as " + order + ", not QUEUED, RUNNING..., DONE: "
                        + events);
        String problemId = Frames.text(events.getFirst(), "problemId");
        int lastTest = 0;
        for (int i = 0; i < events.size(); i++) {
            JsonObject event = events.get(i);
            assertEquals(problemId, Frames.text(event, "problemId"), () -> "problem of " + event);
            if ("DONE".equals(Frames.text(event, "status"))) {
                continue;
            }
            assertEquals(JsonValue.NULL, event.get("verdict"), () -> "no verdict before DONE: " + event);
            JsonValue test = event.get("test");
            if (i <= 1) {
                assertEquals(JsonValue.NULL, test, () -> "QUEUED and the first RUNNING name no test: " + event);
                assertEquals(0, event.getInt("passed"), () -> "nothing passed yet: " + event);
            } else {
                assertTrue(test instanceof JsonNumber, () -> "a later RUNNING names the test just finished: " + event);
                int index = ((JsonNumber) test).intValue();
                assertTrue(index > lastTest && index <= event.getInt("total"),
                        "test indexes increase within 1..total: " + events);
                lastTest = index;
            }
        }
    }

    /** However often a submission was started, one socket received exactly one {@code DONE} for it, and last. */
    static void assertOneDoneLast(RoomClient client, String id) {
        List<String> statuses = statuses(client, id);
        assertEquals(1, statuses.stream().filter("DONE"::equals).count(),
                () -> client + ": exactly one DONE for " + id + ", received " + statuses);
        assertEquals("DONE", statuses.getLast(), () -> client + ": DONE is the last event of " + id + ": " + statuses);
    }

    /** A {@code DONE} event says what the final record says. */
    static void assertDoneMatchesRecord(JsonObject done, JsonObject record) {
        for (String field : SHARED_TEXT) {
            assertEquals(record.get(field), done.get(field), () -> field + " of the DONE event " + done
                    + " and of the record " + record);
        }
        for (String field : SHARED_NUMBERS) {
            assertEquals(record.getJsonNumber(field).longValue(), done.getJsonNumber(field).longValue(),
                    () -> field + " of the DONE event " + done + " and of the record " + record);
        }
    }

    /** A finished record of this user's program, with the program's verdict and consistent counts. */
    static void assertFinishedRecord(JsonObject record, String id, String user, Programs.Program program) {
        assertEquals(id, record.getString("id"), "id of " + record);
        assertEquals(JudgeApi.PROBLEM, record.getString("problemId"), "problemId of " + record);
        assertEquals(program.language(), record.getString("language"), "language of " + record);
        assertEquals(user, record.getString("user"), "user of " + record);
        assertEquals("DONE", record.getString("status"), "status of " + record);
        assertEquals(program.verdict(), Frames.text(record, "verdict"), () -> program + ": verdict of " + record);
        int passed = record.getInt("passed");
        int total = record.getInt("total");
        int reported = record.getJsonArray("tests").size();
        assertTrue(total > 0, () -> "total of " + record);
        long createdAt = record.getJsonNumber("createdAt").longValue();
        assertTrue(record.get("finishedAt") instanceof JsonNumber finished && finished.longValue() >= createdAt,
                () -> "finishedAt not before createdAt in " + record);
        switch (program.verdict()) {
            case "ACCEPTED" -> {
                assertEquals(total, passed, () -> "every test passed in " + record);
                assertEquals(total, reported, () -> "every test reported in " + record);
            }
            case "COMPILATION_ERROR" -> {
                assertEquals(0, passed, () -> "nothing ran in " + record);
                assertEquals(0, reported, () -> "no test reported in " + record);
                assertFalse(record.getString("compileOutput").isBlank(), () -> "the compiler's complaint in " + record);
            }
            default -> {
                // Judging stops at the first test that fails, and that test is reported with the verdict.
                assertEquals(passed + 1, reported, () -> "the passed tests and the failing one in " + record);
                assertEquals(program.verdict(), record.getJsonArray("tests").getJsonObject(reported - 1)
                        .getString("verdict"), () -> "the last test's verdict in " + record);
            }
        }
    }
}
