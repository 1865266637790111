package dev.arena.platform.redis;

import dev.arena.platform.InstanceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/** The Redis settings and the one pooled command client of this instance. */
@ApplicationScoped
class RedisProducer {

    @Produces
    @Singleton
    RedisSettings settings(@ConfigProperty(name = "redis.host") String host,
                           @ConfigProperty(name = "redis.port") int port,
                           @ConfigProperty(name = "redis.password") Optional<String> password,
                           @ConfigProperty(name = "redis.key-prefix") Optional<String> keyPrefix,
                           @ConfigProperty(name = "redis.timeout-ms") int timeoutMillis,
                           @ConfigProperty(name = "redis.pool-size") int poolSize) {
        return new RedisSettings(host, port, password.orElse(""), keyPrefix.orElse(""), timeoutMillis, poolSize);
    }

    @Produces
    @Singleton
    RedisClient client(RedisSettings settings, InstanceId instance) {
        return settings.newClient("arena:" + instance.value());
    }

    void close(@Disposes RedisClient client) {
        client.close();
    }
}
