package dev.arena.it;

import static dev.arena.it.ArenaHttp.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The judge's REST API (PROTOCOL.md, "Judge"): problems, submissions, their validation and error answers. */
interface JudgeApiChecks extends DeployedArena {

    AtomicInteger USERS = new AtomicInteger();
    String APLUSB_PY = "import sys\nd=sys.stdin.read().split()\nt=int(d[0])\n"
            + "print('\\n'.join(str(int(d[1+2*i])+int(d[2+2*i])) for i in range(t)))\n";

    private String freshUser() {
        return signIn("judge" + ProcessHandle.current().pid() + "x" + USERS.incrementAndGet());
    }

    private static String submission(String problemId, String language, String code) {
        return Json.createObjectBuilder().add("problemId", problemId).add("language", language).add("code", code)
                .build().toString();
    }

    @Test
    default void problemsAreListedAndServedWithoutTheirHiddenTests() {
        HttpResponse<String> list = http().get("/api/problems");
        assertEquals(200, list.statusCode(), list.body());
        JsonArray problems = Json.createReader(new java.io.StringReader(list.body())).readArray();
        assertTrue(problems.size() >= 6, list.body());
        for (JsonValue p : problems) {
            assertFalse(p.asJsonObject().getString("difficulty").isBlank());
        }

        HttpResponse<String> one = http().get("/api/problems/a-plus-b");
        assertEquals(200, one.statusCode(), one.body());
        JsonObject problem = JsonText.object(one.body());
        assertFalse(problem.getString("statement").isBlank());
        assertTrue(problem.getJsonNumber("timeLimitMs").longValue() > 0);
        assertFalse(problem.getJsonArray("samples").isEmpty());
        assertTrue(problem.getJsonArray("languages").contains(Json.createValue("python")), one.body());
        assertFalse(problem.containsKey("tests"), one.body());
        assertFalse(one.body().contains("solutions"), one.body());
    }

    @Test
    default void anUnknownProblemIs404() {
        assertError(http().get("/api/problems/no-such-problem"), 404, "not_found");
    }

    @Test
    default void submittingNeedsAValidToken() {
        String body = submission("a-plus-b", "python", APLUSB_PY);
        assertError(http().postJson("/api/submissions", body), 401, "unauthorized");
        assertError(http().postJson("/api/submissions", body, "forged.token"), 401, "unauthorized");
        assertError(http().get("/api/submissions"), 401, "unauthorized");
    }

    @Test
    default void badSubmissionsGetTheirOwnErrors() {
        String token = freshUser();
        assertError(http().postJson("/api/submissions", "{\"problemId\":", token), 400, "invalid_json");
        assertError(http().postJson("/api/submissions", "{\"problemId\":\"a-plus-b\",\"language\":\"python\"}", token),
                400, "missing_field");
        assertError(http().postJson("/api/submissions", submission("no-such-problem", "python", "x"), token),
                404, "unknown_problem");
        assertError(http().postJson("/api/submissions", submission("a-plus-b", "cobol", "x"), token),
                400, "unsupported_language");
        assertError(http().postJson("/api/submissions", submission("a-plus-b", "python", "   "), token),
                400, "missing_field");
        assertError(http().postJson("/api/submissions", submission("a-plus-b", "python", "#".repeat(64 * 1024 + 1)),
                token), 413, "code_too_large");
        assertError(http().postJson("/api/submissions", submission("a-plus-b", "python", "#".repeat(200 * 1024)),
                token), 413, "payload_too_large");
        HttpResponse<String> list = http().get("/api/submissions", token);
        assertEquals("[]", list.body(), "refused submissions are not recorded");
    }

    @Test
    default void aSubmissionIsJudgedAndVisibleOnlyToItsOwner() throws InterruptedException {
        String token = freshUser();
        HttpResponse<String> accepted = http().postJson("/api/submissions", submission("a-plus-b", "python", APLUSB_PY),
                token);
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject queued = JsonText.object(accepted.body());
        assertEquals("QUEUED", queued.getString("status"));
        String id = queued.getString("id");
        assertTrue(accepted.headers().firstValue("Location").orElse("").endsWith("/api/submissions/" + id));

        JsonObject record = awaitDone(token, id, Duration.ofSeconds(90));
        assertEquals("ACCEPTED", record.getString("verdict"), record::toString);
        assertEquals(record.getInt("total"), record.getInt("passed"));
        assertEquals(record.getInt("total"), record.getJsonArray("tests").size());
        assertFalse(record.isNull("finishedAt"));

        assertError(http().get("/api/submissions/" + id, freshUser()), 404, "not_found");
        assertError(http().get("/api/submissions/no-such-id", token), 404, "not_found");
        JsonArray mine = Json.createReader(new java.io.StringReader(http().get("/api/submissions", token).body()))
                .readArray();
        assertEquals(id, mine.getJsonObject(0).getString("id"));
    }

    @Test
    default void theEleventhSubmissionInAMinuteIs429WithRetryAfter() {
        String token = freshUser();
        String body = submission("a-plus-b", "python", "print(0)");
        long minute = Instant.now().getEpochSecond() / 60;
        HttpResponse<String> last = null;
        for (int i = 0; i < 11; i++) {
            last = http().postJson("/api/submissions", body, token);
        }
        if (Instant.now().getEpochSecond() / 60 != minute) {
            return; // the window rolled over during the burst; the next run checks it
        }
        assertError(last, 429, "rate_limited");
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    private JsonObject awaitDone(String token, String id, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonObject record;
        do {
            HttpResponse<String> response = http().get("/api/submissions/" + id, token);
            assertEquals(200, response.statusCode(), response.body());
            record = JsonText.object(response.body());
            if ("DONE".equals(record.getString("status"))) {
                return record;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("submission " + id + " not judged within " + limit + ": " + record);
    }
}
