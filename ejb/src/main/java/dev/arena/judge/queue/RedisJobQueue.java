package dev.arena.judge.queue;

import dev.arena.platform.redis.RedisSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * A Redis Stream with one consumer group: XREADGROUP hands out new jobs, XAUTOCLAIM takes over jobs whose
 * worker went silent, one script acknowledges and deletes a finished job. The stream is in Redis' append-only
 * file, so queued jobs survive a Redis restart.
 *
 * <p>A job costs three round trips: XADD, XREADGROUP, and the acknowledging script. Abandoned jobs are looked
 * for with XAUTOCLAIM at most once per reclaim interval per queue object (one second, or the visibility timeout
 * if that is shorter), and on the next take after any take that found no new job or did find an abandoned one;
 * that take gets the abandoned job before any new one. A job is therefore taken again between the visibility
 * timeout and about one reclaim interval later, once some worker asks.
 *
 * <p>Each take reads one entry. A worker judges for seconds: entries read ahead would wait in its pending list
 * while other workers idle, without their claims renewed, and be taken over (and counted as delivered twice)
 * once the visibility timeout passed.
 */
public final class RedisJobQueue implements JobQueue {

    private static final String GROUP = "workers";
    private static final String FIELD = "id";
    private static final Duration MAX_RECLAIM_INTERVAL = Duration.ofSeconds(1);
    private static final StreamEntryID START = new StreamEntryID(0, 0);
    /** XAUTOCLAIM calls per look for abandoned jobs; each examines up to ten pending entries. */
    private static final int MAX_RECLAIM_STEPS = 16;

    /**
     * KEYS[1] the stream; ARGV[1] the group, ARGV[2] the entry. Acknowledged and deleted in one step, so no entry
     * outlives its acknowledgement and counts as waiting forever.
     */
    private static final String ACK = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """;

    /**
     * KEYS[1] the stream; ARGV[1] the group, ARGV[2] the worker, ARGV[3] the entry. Claiming with min-idle 0 resets
     * the entry's idle time without counting a delivery; only while the worker still holds it, so that a slow
     * worker does not take back a job another worker has taken over. 1 if renewed.
     */
    private static final String TOUCH = """
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
            if #pending == 0 or pending[1][2] ~= ARGV[2] then
              return 0
            end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
            return 1
            """;

    private final RedisClient redis;
    private final String stream;
    private final Duration visibilityTimeout;
    private final long reclaimIntervalNanos;
    /** When the next take looks for abandoned jobs ({@link System#nanoTime()}); due at once. */
    private final AtomicLong nextReclaim = new AtomicLong(System.nanoTime());
    /**
     * Where the last XAUTOCLAIM stopped. XAUTOCLAIM examines at most ten pending entries per entry it may claim,
     * so a scan from the start alone would never reach an abandoned job behind ten live ones.
     */
    private volatile StreamEntryID reclaimCursor = START;

    public RedisJobQueue(RedisSettings settings, RedisClient redis, Duration visibilityTimeout) {
        this.redis = redis;
        this.stream = settings.key("judge:{queue}");
        this.visibilityTimeout = visibilityTimeout;
        Duration interval = visibilityTimeout.compareTo(MAX_RECLAIM_INTERVAL) < 0 ? visibilityTimeout
                : MAX_RECLAIM_INTERVAL;
        this.reclaimIntervalNanos = interval.toNanos();
    }

    @Override
    public void enqueue(String jobId) {
        redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of(FIELD, jobId));
    }

    @Override
    public Optional<Job> take(String worker, Duration wait) {
        try {
            return takeOnce(worker, wait);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                throw e;
            }
            // First use, or Redis lost its data: the group is made on demand.
            createGroup();
            return takeOnce(worker, wait);
        }
    }

    private Optional<Job> takeOnce(String worker, Duration wait) {
        if (claimReclaimTurn()) {
            Optional<Job> abandoned = reclaim(worker);
            if (abandoned.isPresent()) {
                // There may be more of them: the next take looks again.
                reclaimDue();
                return abandoned;
            }
        }
        List<Map.Entry<String, List<StreamEntry>>> fresh = redis.xreadGroup(GROUP, worker,
                XReadGroupParams.xReadGroupParams().count(1).block((int) wait.toMillis()),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        if (fresh == null || fresh.isEmpty() || fresh.getFirst().getValue().isEmpty()) {
            // Nothing new: looking for abandoned jobs costs nothing anyone waits for.
            reclaimDue();
            return Optional.empty();
        }
        return Optional.of(job(fresh.getFirst().getValue().getFirst(), 1));
    }

    /** True for the one caller whose turn it is to look for abandoned jobs; the next turn is an interval away. */
    private boolean claimReclaimTurn() {
        long now = System.nanoTime();
        long due = nextReclaim.get();
        return now - due >= 0 && nextReclaim.compareAndSet(due, now + reclaimIntervalNanos);
    }

    private void reclaimDue() {
        nextReclaim.set(System.nanoTime());
    }

    /**
     * An abandoned job, claimed for this worker, if there is one. Goes on from where the last look stopped and
     * through the whole pending list at most once, in a few round trips: the list holds about one entry per busy
     * worker. A longer list ({@value #MAX_RECLAIM_STEPS} calls of ten entries) is covered over several looks.
     */
    private Optional<Job> reclaim(String worker) {
        StreamEntryID start = reclaimCursor;
        boolean wrapped = START.equals(start);
        for (int step = 0; step < MAX_RECLAIM_STEPS; step++) {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(stream, GROUP, worker,
                    visibilityTimeout.toMillis(), start, XAutoClaimParams.xAutoClaimParams().count(1));
            StreamEntryID next = claimed == null ? START : claimed.getKey();
            reclaimCursor = next;
            if (claimed != null && !claimed.getValue().isEmpty()) {
                StreamEntry entry = claimed.getValue().getFirst();
                return Optional.of(job(entry, deliveries(entry.getID())));
            }
            if (START.equals(next)) {
                if (wrapped) {
                    break;
                }
                wrapped = true;
            }
            start = next;
        }
        return Optional.empty();
    }

    @Override
    public void ack(Job job) {
        redis.eval(ACK, List.of(stream), List.of(GROUP, job.entryId()));
    }

    @Override
    public boolean touch(String worker, Job job) {
        return Long.valueOf(1).equals(redis.eval(TOUCH, List.of(stream), List.of(GROUP, worker, job.entryId())));
    }

    @Override
    public long waiting() {
        return Math.max(0, redis.xlen(stream) - inFlight());
    }

    @Override
    public long inFlight() {
        try {
            StreamPendingSummary summary = redis.xpending(stream, GROUP);
            return summary == null ? 0 : summary.getTotal();
        } catch (JedisDataException e) {
            return 0;
        }
    }

    private void createGroup() {
        try {
            redis.xgroupCreate(stream, GROUP, START, true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private long deliveries(StreamEntryID id) {
        List<StreamPendingEntry> pending = redis.xpending(stream, GROUP,
                XPendingParams.xPendingParams(id, id, 1));
        return pending.isEmpty() ? 1 : pending.getFirst().getDeliveredTimes();
    }

    private static Job job(StreamEntry entry, long deliveries) {
        return new Job(entry.getFields().get(FIELD), entry.getID().toString(), deliveries);
    }
}
