package dev.arena.rooms.redis;

import dev.arena.platform.redis.RedisSettings;
import dev.arena.rooms.Broker;
import dev.arena.rooms.BrokerListener;
import dev.arena.rooms.BrokerUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import dev.arena.rooms.Topics;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis Pub/Sub as the broker. One subscriber connection per instance carries every subscription; its thread
 * hands each message to a delivery lane ({@link DeliveryLanes}) and returns, or, configured without lanes,
 * delivers it itself (a delivery only queues frames on the members' sockets, so it never blocks). When the connection breaks (Redis restarted, network) the
 * thread reconnects with backoff and subscribes again to everything still wanted.
 *
 * <p>Channels and keys carry the topic's id in a hash tag ({@code room:{id}}) so that the same names work on
 * Redis Cluster with sharded Pub/Sub.
 */
public final class RedisBroker implements Broker, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisBroker.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 2000;
    /** Messages a delivery lane may hold before the subscriber waits for it (about 10 MB of 1 KB frames). */
    private static final int LANE_CAPACITY = 10_000;

    private final RedisSettings settings;
    private final RedisClient commands;
    private final String controlChannel;
    private final int historySize;
    private final Duration historyTtl;
    private final Executor callbacks;
    private final DeliveryLanes lanes;
    /** Channel -> its subscription; present while some local connection wants the topic. */
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Object subscriberLock = new Object();
    private volatile BrokerListener listener = new BrokerListener() {
        @Override
        public void onMessage(String topic, String frame) {
        }
    };
    private volatile Listener active;
    private volatile Jedis connection;
    private volatile boolean running = true;
    private final LuaScript append = new LuaScript(RoomLog.APPEND);
    private final LuaScript range = new LuaScript(RoomLog.RANGE);
    private final Thread subscriber;

    /**
     * @param deliveryThreads threads that deliver received messages to the listener, each room on one of them
     */
    public RedisBroker(RedisSettings settings, RedisClient commands, String instance, int historySize,
                       Duration historyTtl, ThreadFactory threads, int deliveryThreads, Executor callbacks) {
        this.settings = settings;
        this.commands = commands;
        this.controlChannel = settings.key("instance:{" + instance + "}");
        this.historySize = historySize;
        this.historyTtl = historyTtl;
        this.callbacks = callbacks;
        this.lanes = new DeliveryLanes(deliveryThreads, LANE_CAPACITY, threads);
        this.subscriber = threads.newThread(this::subscribeLoop);
        subscriber.setName("redis-subscriber");
        subscriber.setDaemon(true);
    }

    public void start() {
        lanes.start();
        subscriber.start();
    }

    @Override
    public void setListener(BrokerListener listener) {
        this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> subscribe(String topic) {
        String channel = channel(topic);
        Subscription subscription = subscriptions.computeIfAbsent(channel, c -> new Subscription(topic));
        synchronized (subscriberLock) {
            Listener current = active;
            if (current != null && !subscription.requested) {
                try {
                    current.subscribe(channel);
                    subscription.requested = true;
                } catch (JedisException | IllegalStateException e) {
                    // The subscriber loop subscribes again to every wanted channel once it reconnects.
                    LOG.log(Level.FINE, "Subscribe to {0} deferred: {1}", new Object[]{channel, e.getMessage()});
                }
            }
        }
        return subscription.confirmed;
    }

    @Override
    public void unsubscribe(String topic) {
        String channel = channel(topic);
        if (subscriptions.remove(channel) == null) {
            return;
        }
        synchronized (subscriberLock) {
            Listener current = active;
            if (current != null) {
                try {
                    current.unsubscribe(channel);
                } catch (JedisException | IllegalStateException e) {
                    LOG.log(Level.FINE, "Unsubscribe from {0} skipped: {1}", new Object[]{channel, e.getMessage()});
                }
            }
        }
    }

    @Override
    public void publish(String topic, String frame) {
        try {
            commands.publish(channel(topic), frame);
        } catch (JedisException e) {
            throw new BrokerUnavailableException("publish failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long appendToRoom(String room, String prefix, String suffix) {
        List<String> args = List.of(prefix, suffix, channel(Topics.room(room)), Integer.toString(historySize),
                Long.toString(historyTtl.toSeconds()));
        try {
            return (Long) append.run(commands, logKeys(room), args);
        } catch (JedisException e) {
            throw new BrokerUnavailableException("append failed: " + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> history(String room, long after, long upTo) {
        try {
            return (List<String>) range.run(commands, logKeys(room), List.of(Long.toString(after), Long.toString(upTo)));
        } catch (JedisException e) {
            throw new BrokerUnavailableException("history failed: " + e.getMessage(), e);
        }
    }

    /** A room's sequence and its history. The history was a sorted set under {@code :history} before. */
    private List<String> logKeys(String room) {
        return List.of(settings.key("room:{" + room + "}:seq"), settings.key("room:{" + room + "}:log"));
    }

    /** Checks the subscriber connection; a dead one is dropped so that the loop reconnects. */
    public void checkConnection() {
        Listener current = active;
        if (current == null) {
            return;
        }
        try {
            synchronized (subscriberLock) {
                current.ping();
            }
        } catch (JedisException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Redis subscriber connection lost: {0}", e.getMessage());
            Jedis broken = connection;
            if (broken != null) {
                broken.disconnect();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Listener current = active;
        if (current != null) {
            try {
                synchronized (subscriberLock) {
                    current.unsubscribe();
                }
            } catch (JedisException | IllegalStateException e) {
                LOG.log(Level.FINE, "Unsubscribe on close failed: {0}", e.getMessage());
            }
        }
        Jedis open = connection;
        if (open != null) {
            open.disconnect();
        }
        subscriber.interrupt();
        lanes.close();
    }

    private void subscribeLoop() {
        long backoff = 100;
        boolean reconnecting = false;
        while (running) {
            try (Jedis jedis = settings.newSubscriberConnection("arena-subscriber")) {
                connection = jedis;
                Listener listenerOfConnection;
                String[] channels;
                synchronized (subscriberLock) {
                    subscriptions.values().forEach(s -> s.requested = true);
                    channels = Stream.concat(Stream.of(controlChannel),
                            subscriptions.keySet().stream()).toArray(String[]::new);
                    listenerOfConnection = new Listener(reconnecting, channels.length);
                }
                backoff = 100;
                jedis.subscribe(listenerOfConnection, channels);
            } catch (JedisException e) {
                if (running) {
                    LOG.log(Level.WARNING, "Redis subscriber disconnected ({0}); reconnecting", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Redis subscriber failed; reconnecting", e);
            } finally {
                synchronized (subscriberLock) {
                    active = null;
                    connection = null;
                    // Subscriptions wanted now must be confirmed again on the next connection.
                    subscriptions.replaceAll((channel, s) -> s.renewed());
                }
            }
            reconnecting = true;
            if (!sleep(backoff)) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String channel(String topic) {
        int colon = topic.indexOf(':');
        return settings.key(topic.substring(0, colon + 1) + "{" + topic.substring(colon + 1) + "}");
    }

    /** One wanted topic; {@code confirmed} completes when Redis acknowledges the subscription. */
    private static final class Subscription {
        final String topic;
        final CompletableFuture<Void> confirmed;
        volatile boolean requested;

        Subscription(String topic) {
            this(topic, new CompletableFuture<>());
        }

        private Subscription(String topic, CompletableFuture<Void> confirmed) {
            this.topic = topic;
            this.confirmed = confirmed;
        }

        /** Keeps an unconfirmed future (waiters still wait for it), replaces a confirmed one. */
        Subscription renewed() {
            return confirmed.isDone() ? new Subscription(topic) : new Subscription(topic, confirmed);
        }
    }

    private final class Listener extends JedisPubSub {
        private final boolean afterReconnect;
        private final int initialChannels;
        private boolean reconnectAnnounced;

        Listener(boolean afterReconnect, int initialChannels) {
            this.afterReconnect = afterReconnect;
            this.initialChannels = initialChannels;
        }

        /**
         * Only now is the connection attached to this listener, so only now may other threads subscribe
         * through it; channels wanted since the initial list was taken are subscribed here.
         */
        private void becomeActive() {
            synchronized (subscriberLock) {
                active = this;
                String[] pending = subscriptions.entrySet().stream()
                        .filter(e -> !e.getValue().requested)
                        .peek(e -> e.getValue().requested = true)
                        .map(Map.Entry::getKey)
                        .toArray(String[]::new);
                if (pending.length > 0) {
                    subscribe(pending);
                }
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            Subscription subscription = subscriptions.get(channel);
            if (subscription == null) {
                return;
            }
            try {
                lanes.execute(channel, () -> listener.onMessage(subscription.topic, message));
            } catch (InterruptedException e) {
                // Only close() interrupts this thread, and it also ends the subscription.
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (channel.equals(controlChannel)) {
                LOG.log(Level.INFO, "Redis subscriber connected to {0}:{1}",
                        new Object[]{settings.host(), String.valueOf(settings.port())});
                becomeActive();
            } else {
                Subscription subscription = subscriptions.get(channel);
                if (subscription != null) {
                    subscription.confirmed.complete(null);
                }
            }
            // Only once every channel of the new connection is confirmed can the listener catch up on what it
            // missed without missing more.
            if (afterReconnect && !reconnectAnnounced && subscribedChannels >= initialChannels) {
                reconnectAnnounced = true;
                callbacks.execute(listener::onReconnected);
            }
        }
    }
}
