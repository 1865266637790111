package dev.arena.platform.redis;

import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Where Redis is and how to talk to it. Short timeouts on purpose: a client whose publish cannot
 * reach Redis gets an error within seconds instead of a hang, also when every pooled connection is busy.
 *
 * @param poolSize connections of the pooled client; each judge worker holds one while it waits for a job
 */
public record RedisSettings(String host, int port, String password, String keyPrefix, int timeoutMillis,
                            int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 16;

    public RedisSettings {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
        if (poolSize < 1) {
            throw new IllegalArgumentException("the Redis pool needs at least one connection: " + poolSize);
        }
    }

    public RedisSettings(String host, int port, String password, String keyPrefix, int timeoutMillis) {
        this(host, port, password, keyPrefix, timeoutMillis, DEFAULT_POOL_SIZE);
    }

    public JedisClientConfig clientConfig(String clientName) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .resp2()
                .clientName(clientName)
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis);
        if (password != null && !password.isBlank()) {
            builder.password(password);
        }
        return builder.build();
    }

    /**
     * A pooled, thread-safe client for commands. A command that finds every connection busy waits for one
     * at most the timeout, then fails (the pool's default is to wait for ever).
     */
    public RedisClient newClient(String clientName) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMaxWait(Duration.ofMillis(timeoutMillis));
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(clientConfig(clientName))
                .poolConfig(pool)
                .build();
    }

    /**
     * A dedicated connection for a subscriber: it blocks in reads for as long as it is subscribed, so it
     * has no read timeout (liveness is checked with pings instead).
     */
    public Jedis newSubscriberConnection(String clientName) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .resp2()
                .clientName(clientName)
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(0);
        if (password != null && !password.isBlank()) {
            builder.password(password);
        }
        return new Jedis(new HostAndPort(host, port), builder.build());
    }

    /** A key or channel name under this deployment's prefix. */
    public String key(String name) {
        return keyPrefix + name;
    }
}
