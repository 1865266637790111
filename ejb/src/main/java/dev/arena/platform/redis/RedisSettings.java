package dev.arena.platform.redis;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Where Redis is and how to talk to it. Short timeouts on purpose: a client whose publish cannot
 * reach Redis gets an error within seconds instead of a hang.
 */
public record RedisSettings(String host, int port, String password, String keyPrefix, int timeoutMillis) {

    public RedisSettings {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
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

    /** A pooled, thread-safe client for commands. */
    public RedisClient newClient(String clientName) {
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(clientConfig(clientName))
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
