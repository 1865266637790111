package dev.arena.platform.redis;

import dev.arena.it.TestRedis;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.SafeEncoder;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pooled client against a real Redis: a command that finds every connection busy fails, it does not hang. */
@ExtendWith(TestRedis.class)
class RedisPoolIT {

    private static final int TIMEOUT_MS = 500;

    @Test
    void aCommandWaitsForABusyPoolAtMostTheTimeoutThenFails() throws Exception {
        RedisSettings settings = new RedisSettings("127.0.0.1", TestRedis.PORT, "", "it-pool:", TIMEOUT_MS, 1);
        String name = "it-pool-" + System.nanoTime();
        try (RedisClient client = settings.newClient(name);
             RedisClient observer = settings.newClient(name + "-observer")) {
            // The pool's one connection blocks in Redis for three seconds.
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(
                    () -> client.blpop(3, settings.key("empty-" + name)));
            awaitBlockedClient(observer, name);

            long started = System.nanoTime();
            JedisException failed = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(JedisException.class, () -> client.get(settings.key("anything"))));
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(waitedMs >= TIMEOUT_MS - 50, "failed after " + waitedMs + " ms: " + failed);
            holder.get(10, TimeUnit.SECONDS);
            assertNull(client.get(settings.key("anything")), "the pool serves again once its connection is free");
        }
    }

    /** Polls CLIENT LIST until the client named {@code name} is blocked in BLPOP. */
    private static void awaitBlockedClient(RedisClient observer, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (clientList(observer).lines()
                .noneMatch(line -> line.contains("name=" + name + " ") && line.contains("cmd=blpop"))) {
            assertTrue(System.nanoTime() < deadline, "the holder never blocked: " + clientList(observer));
            Thread.sleep(10);
        }
    }

    private static String clientList(RedisClient client) {
        return SafeEncoder.encode((byte[]) client.sendCommand(Protocol.Command.CLIENT, "LIST"));
    }
}
