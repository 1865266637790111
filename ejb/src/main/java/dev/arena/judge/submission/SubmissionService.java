package dev.arena.judge.submission;

import dev.arena.judge.Judge;
import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.queue.JobQueue;
import dev.arena.platform.redis.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Accepts submissions: checks them, records them, tells their owner they are queued and queues them.
 * The record is written first, so nothing announced is lost. {@code QUEUED} is published before the job is
 * queued: a worker announces {@code RUNNING} only after it has taken the job, and Redis hands every subscriber
 * the publishes in the order it executed them, so every socket sees {@code QUEUED} first.
 */
@ApplicationScoped
public class SubmissionService {

    public static final int MAX_CODE_BYTES = 64 * 1024;

    @Inject
    ProblemCatalog catalog;
    @Inject
    Judge judge;
    @Inject
    SubmissionStore store;
    @Inject
    JobQueue queue;
    @Inject
    Event<SubmissionChanged> changes;
    @Inject
    RedisClient redis;
    @Inject
    RedisSettings settings;
    @Inject
    @ConfigProperty(name = "judge.submit-rate-per-minute")
    int ratePerMinute;

    private final Clock clock = Clock.systemUTC();

    public Submission submit(String user, String problemId, String language, String code) {
        Problem problem = catalog.find(problemId).orElseThrow(() -> new SubmissionRejected(
                SubmissionRejected.Kind.NOT_FOUND, "unknown_problem", "There is no problem \"" + problemId + "\"."));
        if (!judge.supports(language)) {
            throw new SubmissionRejected(SubmissionRejected.Kind.INVALID, "unsupported_language",
                    "Language \"" + language + "\" is not supported; use one of " + judge.enabledLanguages() + ".");
        }
        if (code.isBlank()) {
            throw new SubmissionRejected(SubmissionRejected.Kind.INVALID, "missing_field", "The code is empty.");
        }
        if (code.getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            throw new SubmissionRejected(SubmissionRejected.Kind.TOO_LARGE, "code_too_large",
                    "The code is larger than 64 KiB.");
        }
        try {
            checkRate(user);
            Submission submission = Submission.queued(UUID.randomUUID().toString(), problem.id(), language, user,
                    problem.tests().size(), clock.millis());
            store.create(submission, code);
            changes.fire(new SubmissionChanged(submission, null));
            enqueue(submission);
            return submission;
        } catch (JedisException e) {
            throw new SubmissionRejected(SubmissionRejected.Kind.UNAVAILABLE, "unavailable",
                    "Submissions cannot be accepted right now; try again shortly.");
        }
    }

    /**
     * Queues a recorded submission. If that fails the client is told so (503), and the record is ended rather
     * than left {@code QUEUED} for ever, when Redis still lets us.
     */
    private void enqueue(Submission submission) {
        try {
            queue.enqueue(submission.id());
        } catch (JedisException e) {
            try {
                if (store.fail(submission.id(), submission.total(), "The submission could not be queued.",
                        clock.millis())) {
                    store.find(submission.id()).ifPresent(done -> changes.fire(new SubmissionChanged(done, null)));
                }
            } catch (JedisException alsoDown) {
                e.addSuppressed(alsoDown);
            }
            throw e;
        }
    }

    /** The submission if it exists and belongs to the user: to anyone else it does not exist. */
    public Optional<Submission> find(String user, String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return store.find(id).filter(s -> s.user().equals(user));
    }

    public List<Submission> recent(String user, int limit) {
        return store.recent(user, limit);
    }

    /** A fixed window per user and minute: simple, shared by every instance through Redis. */
    private void checkRate(String user) {
        long now = clock.millis() / 1000;
        String key = settings.key("ratelimit:submit:{" + user + "}:" + (now / 60));
        long count = redis.incr(key);
        if (count == 1) {
            redis.expire(key, 120);
        }
        if (count > ratePerMinute) {
            throw new SubmissionRejected(SubmissionRejected.Kind.RATE_LIMITED, "rate_limited",
                    "At most " + ratePerMinute + " submissions per minute; try again shortly.", 60 - now % 60);
        }
    }
}
