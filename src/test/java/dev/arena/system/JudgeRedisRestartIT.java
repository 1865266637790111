package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/cluster restart-redis} while every worker is judging and more
 * submissions wait in the queue. The records and the queue are in Redis' append-only
 * file, so once Redis is back every submission, waiting or interrupted, ends {@code DONE}
 * with its verdict. Events published while Redis was down are lost by design (a client
 * fetches the record), but no submission is ever announced {@code DONE} twice or with
 * another verdict than its record's.
 */
@Order(9)
class JudgeRedisRestartIT {

    private static final Logger LOG = Logger.getLogger(JudgeRedisRestartIT.class.getName());
    private static final int USERS = 2;
    /** Twelve in all: the six workers busy and six waiting. */
    private static final int PER_USER = 6;
    private static final Duration SLEEP_PER_TEST = Duration.ofMillis(400);
    private static final Duration QUEUE_SEEN = Duration.ofSeconds(15);
    private static final Duration RESTART = Duration.ofSeconds(120);
    /**
     * Counted from Redis answering again: a judging whose result could not be stored is taken
     * again after the visibility timeout (30 s), and the waiting ones follow on six workers.
     */
    private static final Duration ALL_JUDGED = Duration.ofSeconds(150);
    private static final Duration EVENTS_AFTER_RECORDS = Duration.ofSeconds(10);

    private final OpenClients clients = new OpenClients();
    private Cluster.Run restart;

    @AfterEach
    void restoreRedis() {
        clients.close();
        Cluster.restoreRedis(restart, RESTART);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void queuedAndInterruptedSubmissionsAreJudgedAfterRedisReturns() throws Exception {
        List<URI> instances = new ArrayList<>(ArenaHttp.knownInstances().values());
        Programs.Program slow = Programs.slowReference(SLEEP_PER_TEST);
        List<Owner> owners = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = Endpoints.unique("jr-u" + u);
            String token = ArenaHttp.token(user);
            URI home = instances.get(u % instances.size());
            RoomClient socket = clients.add(RoomClient.to(Endpoints.userSocket(home, token))
                    .as(user + "@" + home.getPort()).openWelcomed());
            owners.add(new Owner(user, token, socket, new ArrayList<>()));
        }
        for (int i = 0; i < PER_USER; i++) {
            for (Owner owner : owners) {
                owner.submitted().add(JudgeApi.submit(Endpoints.front(), owner.token(), slow));
            }
        }

        JsonObject queue = Poll.until("submissions waiting in the queue", QUEUE_SEEN, () -> {
            JsonObject status = JudgeApi.status(instances.getFirst());
            return status.getJsonNumber("waiting").longValue() > 0 ? Optional.of(status) : Optional.empty();
        });
        LOG.info(() -> "restarting Redis with " + queue.get("waiting") + " waiting and " + queue.get("inFlight")
                + " in flight");
        restart = Cluster.restartRedisInBackground();
        restart.awaitSuccess(RESTART);
        long backAt = System.nanoTime();

        Map<String, JsonObject> records = Poll.until("all " + USERS * PER_USER + " submissions DONE within "
                + ALL_JUDGED.toSeconds() + " s of Redis answering again", ALL_JUDGED, Duration.ofSeconds(1), () -> {
            Map<String, JsonObject> done = new LinkedHashMap<>();
            List<String> notDone = new ArrayList<>();
            for (Owner owner : owners) {
                for (String id : owner.submitted()) {
                    JsonObject record = JudgeApi.record(Endpoints.front(), owner.token(), id);
                    if ("DONE".equals(record.getString("status"))) {
                        done.put(id, record);
                    } else {
                        notDone.add(id + " " + record.getString("status"));
                    }
                }
            }
            if (!notDone.isEmpty()) {
                throw new AssertionError("not DONE yet: " + notDone);
            }
            return Optional.of(done);
        });
        long judgedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - backAt);
        LOG.info(() -> "every submission DONE " + judgedSeconds + " s after Redis answered again");

        Map<String, String> verdicts = new LinkedHashMap<>();
        records.forEach((id, record) -> verdicts.put(id, Frames.text(record, "verdict")));
        assertEquals(Set.of("ACCEPTED"), Set.copyOf(verdicts.values()),
                () -> "verdicts of the slow reference solution: " + verdicts);
        for (Owner owner : owners) {
            for (String id : owner.submitted()) {
                SubmissionEvents.assertFinishedRecord(records.get(id), id, owner.user(), slow);
            }
        }

        // Whatever events survived the outage agree with the records; none is doubled.
        for (Owner owner : owners) {
            RoomClient socket = owner.socket();
            int announced = 0;
            for (String id : owner.submitted()) {
                List<JsonObject> done = socket.received(Frames.submissionDone(id));
                assertTrue(done.size() <= 1, () -> socket + " received " + done.size() + " DONE events for " + id
                        + ": " + done);
                if (!done.isEmpty()) {
                    announced++;
                    SubmissionEvents.assertDoneMatchesRecord(done.getFirst(), records.get(id));
                }
            }
            int announcedDone = announced;
            LOG.info(() -> socket + " was told DONE for " + announcedDone + " of " + PER_USER
                    + " submissions; still open: " + socket.isOpen());
        }
        // A submission judged entirely after the restart was announced to the owner's open socket.
        Owner last = owners.getLast();
        String lastId = last.submitted().getLast();
        SubmissionEvents.awaitDone(last.socket(), lastId, EVENTS_AFTER_RECORDS);
    }


    /** One user, the socket it holds through the restart, and its submissions in order. */
    private record Owner(String user, String token, RoomClient socket, List<String> submitted) {
    }
}
