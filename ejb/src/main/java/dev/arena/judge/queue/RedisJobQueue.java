package dev.arena.judge.queue;

import dev.arena.platform.redis.RedisSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * A Redis Stream with one consumer group: XREADGROUP hands out new jobs, XAUTOCLAIM takes over jobs whose
 * worker went silent, XACK + XDEL finish them. The stream is in Redis' append-only file, so queued jobs
 * survive a Redis restart.
 */
public final class RedisJobQueue implements JobQueue {

    private static final String GROUP = "workers";
    private static final String FIELD = "id";

    private final RedisClient redis;
    private final String stream;
    private final Duration visibilityTimeout;

    public RedisJobQueue(RedisSettings settings, RedisClient redis, Duration visibilityTimeout) {
        this.redis = redis;
        this.stream = settings.key("judge:{queue}");
        this.visibilityTimeout = visibilityTimeout;
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
        Map.Entry<StreamEntryID, List<StreamEntry>> abandoned = redis.xautoclaim(stream, GROUP, worker,
                visibilityTimeout.toMillis(), new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(1));
        if (abandoned != null && !abandoned.getValue().isEmpty()) {
            StreamEntry entry = abandoned.getValue().getFirst();
            return Optional.of(job(entry, deliveries(entry.getID())));
        }
        List<Map.Entry<String, List<StreamEntry>>> fresh = redis.xreadGroup(GROUP, worker,
                XReadGroupParams.xReadGroupParams().count(1).block((int) wait.toMillis()),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        if (fresh == null || fresh.isEmpty() || fresh.getFirst().getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(job(fresh.getFirst().getValue().getFirst(), 1));
    }

    @Override
    public void ack(Job job) {
        StreamEntryID id = new StreamEntryID(job.entryId());
        redis.xack(stream, GROUP, id);
        redis.xdel(stream, id);
    }

    @Override
    public void touch(String worker, Job job) {
        // Claiming one's own entry with min-idle 0 resets its idle time without counting a delivery.
        redis.xclaimJustId(stream, GROUP, worker, 0, XClaimParams.xClaimParams(), new StreamEntryID(job.entryId()));
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
            redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true);
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
