package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The judge under load: fifty submissions of five users through the front, in every
 * language and with every kind of verdict, spread by the shared queue over the workers of
 * every instance. Each ends {@code DONE} with its verdict, and each of its owner's sockets
 * receives exactly one {@code DONE} for it.
 */
@Order(4)
class JudgeLoadIT {

    private static final Logger LOG = Logger.getLogger(JudgeLoadIT.class.getName());
    private static final int USERS = 5;
    /** The whole per-minute allowance of each user. */
    private static final int PER_USER = 10;
    /** Fifty judgings, some compiling Java or running into time limits, on two cores and six workers. */
    private static final Duration ALL_JUDGED = Duration.ofMinutes(5);
    /** The records are polled, five requests at a time, this often. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Counted from the moment every record is final: the events were published just after. */
    private static final Duration EVENTS_AFTER_RECORDS = Duration.ofSeconds(15);

    private final OpenClients clients = new OpenClients();

    @AfterEach
    void closeClients() {
        clients.close();
    }

    /** Ten programs: all four languages, and accepted, wrong, uncompilable and endless ones. */
    private static List<Programs.Program> mix() {
        return List.of(
                Programs.reference("python"),
                Programs.reference("cpp"),
                Programs.reference("javascript"),
                Programs.reference("java"),
                Programs.wrongAnswer("python"),
                Programs.wrongAnswer("javascript"),
                Programs.compileError("cpp"),
                Programs.compileError("java"),
                Programs.endlessLoop("cpp"),
                Programs.endlessLoop("javascript"));
    }

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void fiftySubmissionsOfFiveUsersAllEndWithTheirVerdicts() throws Exception {
        List<URI> instances = new ArrayList<>(ArenaHttp.knownInstances().values());
        List<Programs.Program> mix = mix();
        List<Owner> owners = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = Endpoints.unique("jl-u" + u);
            String token = ArenaHttp.token(user);
            URI home = instances.get(u % instances.size());
            RoomClient direct = clients.add(RoomClient.to(Endpoints.userSocket(home, token))
                    .as(user + "@" + home.getPort()).openWelcomed());
            RoomClient viaFront = clients.add(RoomClient.to(Endpoints.userSocket(Endpoints.front(), token))
                    .as(user + "@front").openWelcomed());
            owners.add(new Owner(user, token, List.of(direct, viaFront), new LinkedHashMap<>()));
        }

        long start = System.nanoTime();
        // Interleaved by user, each user's mix rotated, so that every kind is in flight at once.
        for (int i = 0; i < PER_USER; i++) {
            for (int u = 0; u < USERS; u++) {
                Owner owner = owners.get(u);
                Programs.Program program = mix.get((i + u) % mix.size());
                owner.submitted().put(JudgeApi.submit(Endpoints.front(), owner.token(), program), program);
            }
        }
        LOG.info(() -> USERS * PER_USER + " submissions accepted in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");

        Map<String, JsonObject> records = awaitAllDone(owners);
        long judgedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info(() -> "all " + records.size() + " judged " + judgedMillis + " ms after the first submission");

        Map<String, Integer> wrongVerdicts = new TreeMap<>();
        for (Owner owner : owners) {
            for (Map.Entry<String, Programs.Program> entry : owner.submitted().entrySet()) {
                JsonObject record = records.get(entry.getKey());
                if (!entry.getValue().verdict().equals(Frames.text(record, "verdict"))) {
                    wrongVerdicts.merge(entry.getValue() + " got " + Frames.text(record, "verdict"), 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of(), wrongVerdicts, "submissions whose verdict is not the expected one (count)");
        for (Owner owner : owners) {
            for (Map.Entry<String, Programs.Program> entry : owner.submitted().entrySet()) {
                SubmissionEvents.assertFinishedRecord(records.get(entry.getKey()), entry.getKey(), owner.user(),
                        entry.getValue());
            }
        }

        for (Owner owner : owners) {
            for (RoomClient socket : owner.sockets()) {
                for (String id : owner.submitted().keySet()) {
                    JsonObject done = SubmissionEvents.awaitDone(socket, id, EVENTS_AFTER_RECORDS);
                    SubmissionEvents.assertJudgedOnce(socket, id);
                    SubmissionEvents.assertDoneMatchesRecord(done, records.get(id));
                }
                assertEquals(PER_USER, socket.received(Frames.type("submission")
                                .and("with status DONE", f -> "DONE".equals(Frames.text(f, "status")))).size(),
                        socket + ": one DONE per submission of its user, none of anyone else's");
            }
        }
    }

    /** Polls each owner's recent submissions until every one is {@code DONE}; returns the final records by id. */
    private static Map<String, JsonObject> awaitAllDone(List<Owner> owners) {
        Map<String, JsonObject> done = new HashMap<>();
        int expected = owners.stream().mapToInt(o -> o.submitted().size()).sum();
        return Poll.until("all " + expected + " submissions DONE", ALL_JUDGED, POLL_INTERVAL, () -> {
            for (Owner owner : owners) {
                if (owner.submitted().keySet().stream().allMatch(done::containsKey)) {
                    continue;
                }
                for (JsonObject record : JudgeApi.recent(Endpoints.front(), owner.token()).getValuesAs(JsonObject.class)) {
                    if ("DONE".equals(Frames.text(record, "status"))
                            && owner.submitted().containsKey(record.getString("id"))) {
                        done.put(record.getString("id"), record);
                    }
                }
            }
            int left = expected - done.size();
            if (left > 0) {
                throw new AssertionError(left + " of " + expected + " not yet DONE");
            }
            return Optional.of(Map.copyOf(done));
        });
    }

    /** One user of the load, its sockets and its submissions (id to program, in submission order). */
    private record Owner(String user, String token, List<RoomClient> sockets, Map<String, Programs.Program> submitted) {
    }
}
