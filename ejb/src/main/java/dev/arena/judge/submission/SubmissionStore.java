package dev.arena.judge.submission;

import dev.arena.judge.JudgeResult;
import dev.arena.judge.Verdict;
import dev.arena.platform.redis.RedisSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * Submissions in Redis: a hash {@code submission:{id}} with the record and the code, and each user's recent
 * ids in a capped list. The final record is written by a script that refuses to overwrite a finished one, so
 * judging an id twice can never produce two different final records. Thread-safe.
 */
public final class SubmissionStore {

    private static final int RECENT_PER_USER = 50;

    /** KEYS[1] the record. Returns -1 when missing, 0 when already done, else the attempt number. */
    private static final String START = """
            local status = redis.call('HGET', KEYS[1], 'status')
            if not status then return -1 end
            if status == 'DONE' then return 0 end
            redis.call('HSET', KEYS[1], 'status', 'RUNNING')
            return redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            """;

    /** KEYS[1] the record; ARGV field/value pairs. Returns 1 if this call wrote the final record, else 0. */
    private static final String FINISH = """
            local status = redis.call('HGET', KEYS[1], 'status')
            if not status or status == 'DONE' then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """;

    private final RedisSettings settings;
    private final RedisClient redis;

    public SubmissionStore(RedisSettings settings, RedisClient redis) {
        this.settings = settings;
        this.redis = redis;
    }

    public void create(Submission s, String code) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", s.id());
        fields.put("problemId", s.problemId());
        fields.put("language", s.language());
        fields.put("user", s.user());
        fields.put("status", s.status().name());
        fields.put("total", Integer.toString(s.total()));
        fields.put("createdAt", Long.toString(s.createdAt()));
        fields.put("attempts", "0");
        fields.put("code", code);
        redis.hset(key(s.id()), fields);
        String recent = settings.key("user:{" + s.user() + "}:submissions");
        redis.lpush(recent, s.id());
        redis.ltrim(recent, 0, RECENT_PER_USER - 1);
    }

    public Optional<Submission> find(String id) {
        Map<String, String> h = redis.hgetAll(key(id));
        return h.isEmpty() ? Optional.empty() : Optional.of(fromHash(h));
    }

    public Optional<String> code(String id) {
        return Optional.ofNullable(redis.hget(key(id), "code"));
    }

    /** The user's most recent submissions, newest first. */
    public List<Submission> recent(String user, int limit) {
        List<Submission> result = new ArrayList<>();
        for (String id : redis.lrange(settings.key("user:{" + user + "}:submissions"), 0, limit - 1)) {
            find(id).ifPresent(result::add);
        }
        return result;
    }

    /**
     * Marks the submission running and counts the attempt.
     *
     * @return the attempt number (1 for the first), 0 if it is already done, -1 if it does not exist
     */
    public long startAttempt(String id) {
        return (Long) redis.eval(START, List.of(key(id)), List.of());
    }

    /** Writes the final record unless one exists; true if this call wrote it. */
    public boolean finish(String id, JudgeResult result, long finishedAt) {
        List<String> args = new ArrayList<>(List.of(
                "status", Status.DONE.name(),
                "verdict", result.verdict().name(),
                "passed", Integer.toString(result.passed()),
                "total", Integer.toString(result.total()),
                "timeMs", Long.toString(result.timeMs()),
                "memoryKb", Long.toString(result.memoryKb()),
                "compileOutput", result.compileOutput() == null ? "" : result.compileOutput(),
                "tests", SubmissionJson.tests(result.tests()).toString(),
                "finishedAt", Long.toString(finishedAt)));
        return (Long) redis.eval(FINISH, List.of(key(id)), args) == 1L;
    }

    /** Ends a submission that cannot be judged, with the reason, unless it already has a final record. */
    public boolean fail(String id, int total, String reason, long finishedAt) {
        List<String> args = List.of("status", Status.DONE.name(), "verdict", Verdict.INTERNAL_ERROR.name(),
                "total", Integer.toString(total), "message", reason, "finishedAt", Long.toString(finishedAt));
        return (Long) redis.eval(FINISH, List.of(key(id)), args) == 1L;
    }

    private String key(String id) {
        return settings.key("submission:{" + id + "}");
    }

    private static Submission fromHash(Map<String, String> h) {
        String verdict = h.get("verdict");
        String finished = h.get("finishedAt");
        return new Submission(h.get("id"), h.get("problemId"), h.get("language"), h.get("user"),
                Status.valueOf(h.get("status")), verdict == null ? null : Verdict.valueOf(verdict),
                intOf(h.get("passed")), intOf(h.get("total")), longOf(h.get("timeMs")), longOf(h.get("memoryKb")),
                h.getOrDefault("compileOutput", ""), SubmissionJson.parseTests(h.get("tests")),
                longOf(h.get("createdAt")), finished == null ? null : Long.parseLong(finished), h.get("message"));
    }

    private static int intOf(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    private static long longOf(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
