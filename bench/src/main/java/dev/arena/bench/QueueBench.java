package dev.arena.bench;

import dev.arena.judge.queue.JobQueue;
import dev.arena.judge.queue.RedisJobQueue;
import dev.arena.platform.redis.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.Pool;

/**
 * The judge's queue machinery alone: no-op jobs through the engine's {@link RedisJobQueue}, made as the
 * application makes it (one pooled client from {@link RedisSettings#newClient}, a 30 s visibility timeout) and
 * used as its workers use it (named {@code instance#slot}, taking one job at a time with the workers' 1 s
 * blocking read, acknowledging each). First one at a time (one full enqueue -> take -> ack per job), then a
 * producer thread with several worker threads, all sharing the one pool. The concurrent figure is timed from the
 * first enqueue to the last acknowledgement, so workers ending their last blocking read do not count.
 */
final class QueueBench {

    /** As {@code JudgeWorkers} polls: a take blocks at most this long when the queue is empty. */
    private static final Duration WORKER_POLL = Duration.ofSeconds(1);
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param poolMax     connections the pool may open
     * @param poolCreated connections it opened: fewer than {@code poolMax} means no command ever waited for a
     *                    connection another thread held
     */
    record Result(int sequentialJobs, double sequentialPerSecond, int concurrentJobs, int workers,
                  double concurrentPerSecond, int poolMax, long poolCreated) {
    }

    private QueueBench() {
    }

    static Result run(int redisPort, int sequentialJobs, int concurrentJobs, int workers) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        RedisSettings settings = new RedisSettings("127.0.0.1", redisPort, "", "bench:" + run + ":", 2000);
        try (RedisClient redis = settings.newClient("arena-bench-queue")) {
            JobQueue queue = new RedisJobQueue(settings, redis, VISIBILITY_TIMEOUT);
            queue.take("bench#warm-up", Duration.ofMillis(10));

            long t0 = System.nanoTime();
            for (int i = 0; i < sequentialJobs; i++) {
                queue.enqueue("s" + i);
                Optional<JobQueue.Job> job = queue.take("bench#0", WORKER_POLL);
                queue.ack(job.orElseThrow(() -> new IllegalStateException("an enqueued job was not taken")));
            }
            double sequentialPerSecond = sequentialJobs / ((System.nanoTime() - t0) / 1e9);

            AtomicLong acked = new AtomicLong();
            AtomicLong lastAck = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long t1 = System.nanoTime();
            threads.add(Thread.ofPlatform().name("producer").start(() -> {
                for (int i = 0; i < concurrentJobs; i++) {
                    queue.enqueue("c" + i);
                }
            }));
            for (int w = 0; w < workers; w++) {
                String worker = "bench#" + w;
                threads.add(Thread.ofPlatform().name(worker).start(() -> {
                    while (acked.get() < concurrentJobs) {
                        queue.take(worker, WORKER_POLL).ifPresent(job -> {
                            queue.ack(job);
                            if (acked.incrementAndGet() == concurrentJobs) {
                                lastAck.set(System.nanoTime());
                            }
                        });
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double concurrentPerSecond = concurrentJobs / ((lastAck.get() - t1) / 1e9);
            redis.del(settings.key("judge:{queue}"));
            Pool<Connection> pool = redis.getPool();
            return new Result(sequentialJobs, sequentialPerSecond, concurrentJobs, workers, concurrentPerSecond,
                    pool.getMaxTotal(), pool.getCreatedCount());
        }
    }
}
