package dev.arena.bench;

import dev.arena.judge.queue.JobQueue;
import dev.arena.judge.queue.RedisJobQueue;
import dev.arena.platform.redis.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * The judge's queue machinery alone: no-op jobs through the engine's {@link RedisJobQueue} (XADD, then
 * XAUTOCLAIM + XREADGROUP, then XACK + XDEL), first one at a time (one full enqueue -> take -> ack round
 * per job), then a producer with several workers taking and acknowledging concurrently.
 */
final class QueueBench {

    record Result(int sequentialJobs, double sequentialPerSecond, int concurrentJobs, int workers,
                  double concurrentPerSecond) {
    }

    private QueueBench() {
    }

    static Result run(int redisPort, int sequentialJobs, int concurrentJobs, int workers) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        RedisSettings settings = new RedisSettings("127.0.0.1", redisPort, "", "bench:" + run + ":", 2000);
        try (RedisClient redis = settings.newClient("arena-bench-queue")) {
            JobQueue queue = new RedisJobQueue(settings, redis, Duration.ofSeconds(30));
            queue.take("warm-up", Duration.ofMillis(10));

            long t0 = System.nanoTime();
            for (int i = 0; i < sequentialJobs; i++) {
                queue.enqueue("s" + i);
                Optional<JobQueue.Job> job = queue.take("w0", Duration.ofSeconds(1));
                queue.ack(job.orElseThrow(() -> new IllegalStateException("an enqueued job was not taken")));
            }
            double sequentialPerSecond = sequentialJobs / ((System.nanoTime() - t0) / 1e9);

            AtomicLong acked = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long t1 = System.nanoTime();
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < concurrentJobs; i++) {
                    queue.enqueue("c" + i);
                }
            }));
            for (int w = 0; w < workers; w++) {
                String worker = "w" + w;
                threads.add(Thread.ofPlatform().start(() -> {
                    while (acked.get() < concurrentJobs) {
                        queue.take(worker, Duration.ofMillis(100)).ifPresent(job -> {
                            queue.ack(job);
                            acked.incrementAndGet();
                        });
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double concurrentPerSecond = concurrentJobs / ((System.nanoTime() - t1) / 1e9);
            redis.del(settings.key("judge:{queue}"));
            return new Result(sequentialJobs, sequentialPerSecond, concurrentJobs, workers, concurrentPerSecond);
        }
    }
}
