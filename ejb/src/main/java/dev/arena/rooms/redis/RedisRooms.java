package dev.arena.rooms.redis;

import dev.arena.platform.InstanceId;
import dev.arena.platform.redis.RedisSettings;
import dev.arena.rooms.BrokerUnavailableException;
import dev.arena.rooms.FrameCodec;
import dev.arena.rooms.RoomHub;
import dev.arena.rooms.RoomLimits;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/**
 * Starts the rooms of this instance with the application: the Redis broker's subscriber, the presence
 * heartbeat and reaper, and the keep-alive pings; and stops them on undeploy.
 */
@ApplicationScoped
public class RedisRooms {

    private static final Logger LOG = Logger.getLogger(RedisRooms.class.getName());

    @Inject
    RedisSettings settings;
    @Inject
    RedisClient redis;
    @Inject
    InstanceId instance;
    /* Jakarta Concurrency 3.1 makes the default managed resources injectable with CDI. */
    @Inject
    ManagedScheduledExecutorService scheduler;
    @Inject
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "rooms.max-per-connection")
    int maxRooms;
    @Inject
    @ConfigProperty(name = "rooms.publish-rate")
    double publishRate;
    @Inject
    @ConfigProperty(name = "rooms.publish-burst")
    double publishBurst;
    @Inject
    @ConfigProperty(name = "rooms.history-size")
    int historySize;
    @Inject
    @ConfigProperty(name = "rooms.history-ttl-seconds")
    long historyTtlSeconds;
    @Inject
    @ConfigProperty(name = "rooms.delivery-threads")
    int deliveryThreads;
    @Inject
    @ConfigProperty(name = "rooms.ping-interval-seconds")
    long pingSeconds;
    @Inject
    @ConfigProperty(name = "presence.heartbeat-seconds")
    long heartbeatSeconds;
    @Inject
    @ConfigProperty(name = "presence.ttl-seconds")
    long presenceTtlSeconds;

    private RedisBroker broker;
    private RoomHub hub;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        hub();
    }

    @Produces
    public synchronized RoomHub hub() {
        if (hub == null) {
            broker = new RedisBroker(settings, redis, instance.value(), historySize,
                    Duration.ofSeconds(historyTtlSeconds), threads, deliveryThreads, scheduler);
            RedisPresence presence = new RedisPresence(settings, redis, instance.value(), presenceTtlSeconds);
            hub = new RoomHub(broker, presence, new FrameCodec(),
                    new RoomLimits(maxRooms, publishRate, publishBurst, Duration.ofSeconds(3)),
                    instance.value(), System::nanoTime, System::currentTimeMillis);
            forgetPreviousRun(presence);
            broker.start();
            tasks.add(scheduler.scheduleWithFixedDelay(this::maintain, 0, heartbeatSeconds, TimeUnit.SECONDS));
            tasks.add(scheduler.scheduleWithFixedDelay(hub::keepAlive, pingSeconds, pingSeconds, TimeUnit.SECONDS));
            LOG.log(Level.INFO, "Rooms of instance {0} started (Redis {1}:{2})",
                    new Object[]{instance.value(), settings.host(), String.valueOf(settings.port())});
        }
        return hub;
    }

    @PreDestroy
    synchronized void stop() {
        tasks.forEach(task -> task.cancel(false));
        if (broker != null) {
            broker.close();
        }
    }

    private void forgetPreviousRun(RedisPresence presence) {
        try {
            presence.forgetPreviousRun();
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "Redis unavailable at start-up; presence is cleaned up once it returns: {0}",
                    e.getMessage());
        }
    }

    private void maintain() {
        try {
            hub.maintainPresence();
            broker.checkConnection();
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.FINE, "Presence maintenance skipped: {0}", e.getMessage());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; keep the heartbeat alive whatever happens.
            LOG.log(Level.WARNING, "Presence maintenance failed", e);
        }
    }
}
