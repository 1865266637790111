package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An instance is killed with -9 while its workers judge. The jobs it held
 * stay pending in the queue and are taken again by a live worker once the visibility
 * timeout (30 s) passes, so every submission still ends {@code DONE} with its verdict and
 * its owner, on a live instance, receives exactly one {@code DONE} for each. The instance
 * is started again afterwards, whatever happened.
 */
@Order(8)
class JudgeFailoverIT {

    private static final Logger LOG = Logger.getLogger(JudgeFailoverIT.class.getName());
    /** More than the six workers of the cluster, so that every instance is judging. */
    private static final int SUBMISSIONS = 8;
    /** Ten tests of this each: a judging of five seconds and more, of which the kill takes a part. */
    private static final Duration SLEEP_PER_TEST = Duration.ofMillis(500);
    private static final Duration FIND_JUDGING = Duration.ofSeconds(30);
    /** Counted from the kill: the visibility timeout, then judgings of several seconds on fewer workers. */
    private static final Duration ALL_JUDGED = Duration.ofSeconds(120);
    private static final Duration EVENTS_AFTER_RECORDS = Duration.ofSeconds(10);

    private final OpenClients clients = new OpenClients();
    private volatile String killedInstance;

    @AfterEach
    void restoreCluster() throws Exception {
        clients.close();
        String killed = killedInstance;
        if (killed != null) {
            Cluster.start(killed);
            killedInstance = null;
            URI url = ArenaHttp.knownInstances().get(killed);
            assertEquals(200, ArenaHttp.health(url), killed + " is healthy again after bin/cluster start");
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void submissionsJudgedOnAKilledInstanceAreJudgedAgainElsewhere() throws Exception {
        Map<String, URI> instances = ArenaHttp.knownInstances();
        String socketInstance = instances.keySet().iterator().next();
        URI socketHome = instances.get(socketInstance);
        String user = Endpoints.unique("jf-owner");
        String token = ArenaHttp.token(user);
        RoomClient owner = clients.add(RoomClient.to(Endpoints.userSocket(socketHome, token))
                .as(user + "@" + socketInstance).openWelcomed());

        Programs.Program slow = Programs.slowReference(SLEEP_PER_TEST);
        Map<String, Programs.Program> submitted = new LinkedHashMap<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            submitted.put(JudgeApi.submit(Endpoints.front(), token, slow), slow);
        }

        // A victim other than the instance holding the owner's socket, caught judging one of these.
        Map.Entry<String, Set<String>> judging = Poll.until("an instance other than " + socketInstance
                + " judging one of " + submitted.keySet(), FIND_JUDGING, () -> {
            for (Map.Entry<String, URI> instance : instances.entrySet()) {
                if (!instance.getKey().equals(socketInstance)) {
                    Set<String> ours = judgedHere(instance.getValue(), submitted.keySet());
                    if (!ours.isEmpty()) {
                        return Optional.of(Map.entry(instance.getKey(), ours));
                    }
                }
            }
            return Optional.empty();
        });
        String victim = judging.getKey();
        killedInstance = victim;
        Cluster.kill(victim);
        long killedAt = System.nanoTime();
        LOG.info(() -> "killed " + victim + " while it judged " + judging.getValue());

        // The scenario means something only if the kill interrupted a judging.
        URI survivor = instances.get(socketInstance);
        List<String> interrupted = new ArrayList<>();
        for (String id : judging.getValue()) {
            if (!"DONE".equals(JudgeApi.record(survivor, token, id).getString("status"))) {
                interrupted.add(id);
            }
        }
        assertFalse(interrupted.isEmpty(), () -> "every judging seen on " + victim + " (" + judging.getValue()
                + ") had finished before the kill landed; nothing was taken from a dead worker");

        Map<String, JsonObject> records = Poll.until("all " + SUBMISSIONS + " submissions DONE within "
                + ALL_JUDGED.toSeconds() + " s of the kill", ALL_JUDGED, Duration.ofSeconds(1), () -> {
            Map<String, JsonObject> done = new LinkedHashMap<>();
            for (String id : submitted.keySet()) {
                JsonObject record = JudgeApi.record(survivor, token, id);
                if (!"DONE".equals(record.getString("status"))) {
                    throw new AssertionError(id + " is " + record.getString("status") + " ("
                            + (interrupted.contains(id) ? "" : "not ") + "interrupted by the kill)");
                }
                done.put(id, record);
            }
            return Optional.of(done);
        });
        long recoveredSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
        LOG.info(() -> "every submission DONE " + recoveredSeconds + " s after the kill");

        Map<String, String> verdicts = new LinkedHashMap<>();
        records.forEach((id, record) -> verdicts.put(id, Frames.text(record, "verdict")));
        assertEquals(Set.of("ACCEPTED"), Set.copyOf(verdicts.values()),
                () -> "verdicts of the slow reference solution (interrupted: " + interrupted + "): " + verdicts);
        for (Map.Entry<String, Programs.Program> entry : submitted.entrySet()) {
            SubmissionEvents.assertFinishedRecord(records.get(entry.getKey()), entry.getKey(), user, entry.getValue());
        }
        for (String id : submitted.keySet()) {
            JsonObject done = SubmissionEvents.awaitDone(owner, id, EVENTS_AFTER_RECORDS);
            SubmissionEvents.assertDoneMatchesRecord(done, records.get(id));
            SubmissionEvents.assertOneDoneLast(owner, id);
            assertEquals("QUEUED", SubmissionEvents.statuses(owner, id).getFirst(), "the first event of " + id);
        }
        for (String id : interrupted) {
            LOG.info(() -> "events of " + id + ", interrupted by the kill: " + SubmissionEvents.statuses(owner, id));
        }
        assertTrue(owner.isOpen(), () -> owner + " on a live instance lost its socket: " + owner.closeStatus());
    }

    /** The submissions among {@code ids} that the workers of one instance are judging now. */
    private static Set<String> judgedHere(URI instance, Set<String> ids) throws Exception {
        Set<String> ours = new TreeSet<>();
        for (JsonObject worker : JudgeApi.status(instance).getJsonArray("workers").getValuesAs(JsonObject.class)) {
            String id = Frames.text(worker, "submission");
            if ("judging".equals(Frames.text(worker, "state")) && ids.contains(id)) {
                ours.add(id);
            }
        }
        return ours;
    }
}
