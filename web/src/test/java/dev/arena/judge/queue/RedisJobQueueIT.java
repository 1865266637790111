package dev.arena.judge.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.it.TestRedis;
import dev.arena.platform.redis.RedisSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * {@link RedisJobQueue} against a real Redis: delivery, acknowledgement, the take-over of a job whose worker went
 * silent, and how often takes look for such jobs. Each test has its own key prefix. This lives with the web
 * module's integration tests because that module runs Failsafe and {@link TestRedis}.
 */
@ExtendWith(TestRedis.class)
class RedisJobQueueIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SHORT = Duration.ofMillis(100);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final String prefix = "it-queue-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + ":";
    private final RedisSettings settings = new RedisSettings("127.0.0.1", TestRedis.PORT, "", prefix, 2000);
    private final RedisClient redis = settings.newClient("it-queue");
    private final String stream = settings.key("judge:{queue}");

    @AfterEach
    void tearDown() {
        redis.del(stream);
        redis.close();
    }

    @Test
    void eachJobIsTakenOnceAndGoneOnceAcknowledged() {
        JobQueue queue = queue(Duration.ofSeconds(30));
        queue.enqueue("a");
        queue.enqueue("b");

        JobQueue.Job a = queue.take("w1", SHORT).orElseThrow();
        JobQueue.Job b = queue.take("w2", SHORT).orElseThrow();
        assertEquals("a", a.id());
        assertEquals(1, a.deliveries());
        assertEquals("b", b.id());
        assertTrue(queue.take("w3", SHORT).isEmpty(), "both jobs are taken");
        assertEquals(2, queue.inFlight());
        assertEquals(0, queue.waiting());

        queue.ack(a);
        queue.ack(b);
        assertEquals(0, queue.inFlight());
        assertEquals(0, queue.waiting());
        assertEquals(0, redis.xlen(stream), "acknowledged entries are deleted from the stream");
        queue.ack(a);
        assertTrue(queue.take("w3", SHORT).isEmpty(), "an acknowledged job is never delivered again");
    }

    @Test
    void aJobWhoseWorkerWentSilentIsTakenAgainAfterTheVisibilityTimeoutWithItsDeliveriesCounted() {
        Duration visibility = Duration.ofMillis(600);
        JobQueue queue = queue(visibility);
        queue.enqueue("j");
        JobQueue.Job first = queue.take("dies", SHORT).orElseThrow();
        long takenAt = System.nanoTime();

        JobQueue.Job second = takeWithin(queue, "lives");
        assertTrue(System.nanoTime() - takenAt >= visibility.toNanos(), "not taken again before the timeout");
        assertEquals("j", second.id());
        assertEquals(first.entryId(), second.entryId());
        assertEquals(2, second.deliveries());

        JobQueue.Job third = takeWithin(queue, "also-dies");
        assertEquals(3, third.deliveries());
        queue.ack(third);
        long quietUntil = System.nanoTime() + visibility.multipliedBy(2).toNanos();
        while (System.nanoTime() < quietUntil) {
            assertTrue(queue.take("late", SHORT).isEmpty(), "an acknowledged job is not taken over");
        }
        assertEquals(0, redis.xlen(stream));
    }

    @Test
    void aJobWhoseClaimIsRenewedIsNotTakenAgain() {
        Duration visibility = Duration.ofMillis(600);
        JobQueue queue = queue(visibility);
        queue.enqueue("long");
        JobQueue.Job held = queue.take("judging", SHORT).orElseThrow();

        assertHeldWhileRenewed(queue, "judging", held, visibility.multipliedBy(4));
        queue.ack(held);
        assertEquals(0, queue.inFlight());
        assertFalse(queue.touch("judging", held), "an acknowledged job is no longer held");
    }

    @Test
    void aSlowWorkerCannotTakeBackAJobAnotherWorkerTookOver() {
        Duration visibility = Duration.ofMillis(600);
        JobQueue queue = queue(visibility);
        queue.enqueue("slow");
        JobQueue.Job slow = queue.take("slow", SHORT).orElseThrow();
        JobQueue.Job taken = takeWithin(queue, "other");

        assertFalse(queue.touch("slow", slow), "the job is no longer the slow worker's");
        assertHeldWhileRenewed(queue, "other", taken, visibility.multipliedBy(2));
        queue.ack(taken);
        assertEquals(0, queue.inFlight());
    }

    @Test
    void anAbandonedJobBehindTenAndMoreLiveOnesIsFound() throws InterruptedException {
        // XAUTOCLAIM COUNT 1 examines ten pending entries per call: the queue must follow its cursor.
        Duration visibility = Duration.ofSeconds(2);
        JobQueue queue = queue(visibility);
        int live = 12;
        for (int i = 0; i <= live; i++) {
            queue.enqueue("j" + i);
        }
        List<JobQueue.Job> held = new ArrayList<>();
        for (int i = 0; i < live; i++) {
            held.add(queue.take("live-" + i, SHORT).orElseThrow());
        }
        assertEquals("j" + live, queue.take("dies", SHORT).orElseThrow().id());

        Thread.sleep(visibility.plusMillis(300).toMillis());
        for (int i = 0; i < live; i++) {
            queue.touch("live-" + i, held.get(i));
        }
        Optional<JobQueue.Job> found = queue.take("other", SHORT);
        assertTrue(found.isPresent(), "the abandoned job is taken on the first take after the timeout");
        assertEquals("j" + live, found.get().id());
        assertEquals(2, found.get().deliveries());
    }

    @Test
    void takesLookForAbandonedJobsOnATimerNotEveryTime() {
        JobQueue queue = queue(Duration.ofSeconds(30));
        int jobs = 300;
        long before = xautoclaimCalls();
        for (int i = 0; i < jobs; i++) {
            queue.enqueue("s" + i);
            queue.ack(queue.take("w", SHORT).orElseThrow());
        }
        long calls = xautoclaimCalls() - before;
        // Counted over every client of this Redis: an application's idle workers add about one a second each.
        assertTrue(calls < 30, calls + " XAUTOCLAIM calls for " + jobs + " jobs");
        assertEquals(0, redis.xlen(stream));
    }

    @Test
    void concurrentWorkersTakeEveryJobExactlyOnce() throws Exception {
        JobQueue queue = queue(Duration.ofSeconds(30));
        int jobs = 2000;
        int workers = 4;
        Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
        AtomicInteger acked = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(workers + 1);
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(threads.submit(() -> {
                for (int i = 0; i < jobs; i++) {
                    queue.enqueue("c" + i);
                }
            }));
            long deadline = System.nanoTime() + DEADLINE.multipliedBy(3).toNanos();
            for (int w = 0; w < workers; w++) {
                String worker = "w" + w;
                running.add(threads.submit(() -> {
                    while (acked.get() < jobs && System.nanoTime() < deadline) {
                        queue.take(worker, SHORT).ifPresent(job -> {
                            taken.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                            queue.ack(job);
                            acked.incrementAndGet();
                        });
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(jobs, taken.size());
        assertTrue(taken.values().stream().allMatch(count -> count.get() == 1), "no job taken twice");
        assertEquals(0, queue.inFlight());
        assertEquals(0, redis.xlen(stream));
    }

    /** For this long, the worker renews its claim and no other worker is handed the job. */
    private static void assertHeldWhileRenewed(JobQueue queue, String worker, JobQueue.Job job, Duration period) {
        long until = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < until) {
            assertTrue(queue.touch(worker, job), worker + " still holds the job");
            assertTrue(queue.take("idle", Duration.ofMillis(150)).isEmpty(), "a renewed claim keeps the job");
        }
    }

    private RedisJobQueue queue(Duration visibilityTimeout) {
        return new RedisJobQueue(settings, redis, visibilityTimeout);
    }

    private static JobQueue.Job takeWithin(JobQueue queue, String worker) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobQueue.Job> job = queue.take(worker, SHORT);
            if (job.isPresent()) {
                return job.get();
            }
        }
        throw new AssertionError("no job taken by " + worker + " within " + DEADLINE);
    }

    private long xautoclaimCalls() {
        try (Jedis admin = new Jedis("127.0.0.1", TestRedis.PORT)) {
            for (String line : admin.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_xautoclaim:calls=")) {
                    return Long.parseLong(line.substring("cmdstat_xautoclaim:calls=".length(), line.indexOf(',')));
                }
            }
            return 0;
        }
    }
}
