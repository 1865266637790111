package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The judge end to end: a submission sent to one instance (or through the
 * front) is judged by whichever worker takes it, and its owner's sockets on other
 * instances receive {@code QUEUED}, {@code RUNNING}..., {@code DONE} in that order,
 * agreeing with the stored record. Also the API's refusals, through the front.
 */
@Order(4)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JudgeDeliveryIT {

    private static final Logger LOG = Logger.getLogger(JudgeDeliveryIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Three small judgings on an idle judge take seconds; this bounds a busy two-core machine. */
    private static final Duration JUDGED = Duration.ofSeconds(60);
    private static final int RATE_PER_MINUTE = 10;

    private static List<URI> instances;
    private final OpenClients clients = new OpenClients();

    @BeforeAll
    static void findInstances() throws Exception {
        instances = new ArrayList<>(ArenaHttp.knownInstances().values());
        assertTrue(instances.size() >= 3, "need three instances, found " + instances);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void eventsReachEverySocketOfTheOwnerInOrderAndMatchTheRecord() throws Exception {
        URI socketHome = instances.get(0);
        URI submitTo = instances.get(1);
        URI secondHome = instances.get(2);
        String user = Endpoints.unique("jd-owner");
        String token = ArenaHttp.token(user);
        RoomClient first = clients.add(RoomClient.to(Endpoints.userSocket(socketHome, token))
                .as(user + "@" + socketHome.getPort()).openWelcomed());
        RoomClient second = clients.add(RoomClient.to(Endpoints.userSocket(secondHome, token))
                .as(user + "@" + secondHome.getPort()).openWelcomed());

        // Two straight to another instance than the sockets', one through the front.
        Map<String, Programs.Program> submitted = new LinkedHashMap<>();
        submitted.put(JudgeApi.submit(submitTo, token, Programs.reference("python")), Programs.reference("python"));
        submitted.put(JudgeApi.submit(Endpoints.front(), token, Programs.wrongAnswer("python")),
                Programs.wrongAnswer("python"));
        submitted.put(JudgeApi.submit(submitTo, token, Programs.compileError("cpp")), Programs.compileError("cpp"));

        for (Map.Entry<String, Programs.Program> entry : submitted.entrySet()) {
            String id = entry.getKey();
            Programs.Program program = entry.getValue();
            JsonObject done = SubmissionEvents.awaitDone(first, id, JUDGED);
            JsonObject record = JudgeApi.record(secondHome, token, id);
            LOG.info(() -> program + " -> " + done);
            SubmissionEvents.assertFinishedRecord(record, id, user, program);
            SubmissionEvents.assertJudgedOnce(first, id);
            SubmissionEvents.assertDoneMatchesRecord(done, record);

            SubmissionEvents.awaitDone(second, id, WAIT);
            assertEquals(first.received(Frames.submission(id)), second.received(Frames.submission(id)),
                    "both sockets of " + user + " received the same events of " + program + " in the same order");
        }

        String otherToken = ArenaHttp.token(Endpoints.unique("jd-other"));
        for (String id : submitted.keySet()) {
            for (URI base : List.of(Endpoints.front(), submitTo)) {
                JudgeApi.Reply reply = JudgeApi.getRaw(base, "/api/submissions/" + id, otherToken);
                assertEquals(404, reply.status(), () -> "another user reads " + id + ": " + reply);
                assertEquals("not_found", reply.error(), reply::toString);
            }
        }

        JsonArray recent = JudgeApi.recent(Endpoints.front(), token);
        List<String> listed = recent.getValuesAs(JsonObject.class).stream().map(r -> r.getString("id")).toList();
        assertEquals(submitted.keySet().stream().toList().reversed(), listed,
                "GET /api/submissions lists the user's submissions, newest first");
        for (JsonObject record : recent.getValuesAs(JsonObject.class)) {
            assertEquals("DONE", record.getString("status"), () -> "listed " + record);
        }
    }

    @Test
    void badSubmissionsAreRefusedThroughTheFront() throws Exception {
        URI front = Endpoints.front();
        String token = ArenaHttp.token(Endpoints.unique("jd-bad"));
        String fine = Programs.reference("python").code();

        assertRefused(JudgeApi.postRaw(front, "/api/submissions", token,
                JudgeApi.submissionBody("no-such-problem", "python", fine)), 404, "unknown_problem");
        assertRefused(JudgeApi.postRaw(front, "/api/submissions", token,
                JudgeApi.submissionBody(JudgeApi.PROBLEM, "cobol", fine)), 400, "unsupported_language");
        String tooLong = "#".repeat(64 * 1024) + "\n" + fine;
        assertRefused(JudgeApi.postRaw(front, "/api/submissions", token,
                JudgeApi.submissionBody(JudgeApi.PROBLEM, "python", tooLong)), 413, "code_too_large");
        assertRefused(JudgeApi.postRaw(front, "/api/submissions", token, "{\"problemId\": \"a-plus-b\","),
                400, "invalid_json");
        assertRefused(JudgeApi.postRaw(front, "/api/submissions", null,
                JudgeApi.submissionBody(JudgeApi.PROBLEM, "python", fine)), 401, "unauthorized");

        assertEquals(0, JudgeApi.recent(front, token).size(), "no refused submission was recorded");
    }

    @Test
    void theEleventhSubmissionWithinAMinuteIsRateLimited() throws Exception {
        // The limit counts per clock minute: a burst that straddles a minute may legitimately pass,
        // so each try starts with enough of its minute left and a try that straddles is repeated.
        for (int attempt = 1; attempt <= 2; attempt++) {
            Poll.untilTrue("at least 15 s left in the current clock minute", Duration.ofSeconds(20),
                    () -> Instant.now().getEpochSecond() % 60 < 45);
            String token = ArenaHttp.token(Endpoints.unique("jd-rate" + attempt));
            long minute = Instant.now().getEpochSecond() / 60;
            List<JudgeApi.Reply> replies = new ArrayList<>();
            for (int i = 0; i <= RATE_PER_MINUTE; i++) {
                replies.add(JudgeApi.submitRaw(Endpoints.front(), token, Programs.wrongAnswer("python")));
            }
            if (Instant.now().getEpochSecond() / 60 != minute) {
                LOG.warning(() -> "a clock minute ended during the burst; trying again: " + replies);
                continue;
            }
            for (int i = 0; i < RATE_PER_MINUTE; i++) {
                assertEquals(202, replies.get(i).status(), "submission " + (i + 1) + " of the minute: " + replies.get(i));
            }
            JudgeApi.Reply eleventh = replies.getLast();
            assertRefused(eleventh, 429, "rate_limited");
            String retryAfter = eleventh.header("Retry-After").orElseThrow(() ->
                    new AssertionError("no Retry-After on " + eleventh));
            int seconds = Integer.parseInt(retryAfter.strip());
            assertTrue(seconds >= 1 && seconds <= 60, () -> "Retry-After " + retryAfter + " within the minute");
            return;
        }
        throw new AssertionError("every burst straddled a clock minute");
    }

    private static void assertRefused(JudgeApi.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"),
                () -> "a JSON error: " + reply + " " + reply.headers().map());
        assertEquals(error, reply.error(), reply::toString);
    }
}
