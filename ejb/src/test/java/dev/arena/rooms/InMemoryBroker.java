package dev.arena.rooms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Broker} of several instances inside one JVM, standing where Redis stands in production. What the
 * instances share (room offsets, capped histories, which instance receives which topic) lives here; each
 * instance speaks to it through its own {@link #connect(String) endpoint}, as each has its own connection.
 *
 * <p>Subscriptions are confirmed at once. Delivery is synchronous, on the publishing thread and under one lock,
 * so every listener sees a room's frames in offset order. {@link #setUnavailable(boolean)} makes every call fail
 * as a lost Redis connection would. Thread-safe.
 */
final class InMemoryBroker {

    private final Object lock = new Object();
    private final int historySize;
    private final Map<String, Long> offsets = new HashMap<>();
    private final Map<String, Deque<String>> histories = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private volatile boolean unavailable;

    InMemoryBroker(int historySize) {
        this.historySize = historySize;
    }

    /** The broker as one instance sees it; connecting twice with the same name gives the same endpoint. */
    Broker connect(String instance) {
        synchronized (lock) {
            return endpoints.computeIfAbsent(instance, Endpoint::new);
        }
    }

    /** The topics an instance receives now. */
    Set<String> subscriptions(String instance) {
        synchronized (lock) {
            Endpoint endpoint = endpoints.get(instance);
            return endpoint == null ? Set.of() : Set.copyOf(endpoint.topics);
        }
    }

    /** The room's kept frames, oldest first. */
    List<String> history(String room) {
        synchronized (lock) {
            return List.copyOf(histories.getOrDefault(room, new ArrayDeque<>()));
        }
    }

    /** While set, every call fails with {@link BrokerUnavailableException}, and subscriptions are never confirmed. */
    void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void deliver(String topic, String frame) {
        for (Endpoint endpoint : endpoints.values()) {
            if (endpoint.topics.contains(topic)) {
                endpoint.listener.onMessage(topic, frame);
            }
        }
    }

    private void checkAvailable(String operation) {
        if (unavailable) {
            throw new BrokerUnavailableException(operation + " failed: the broker is unavailable", null);
        }
    }

    private final class Endpoint implements Broker {

        private final String instance;
        private final Set<String> topics = ConcurrentHashMap.newKeySet();
        private volatile BrokerListener listener = (topic, frame) -> {
        };

        Endpoint(String instance) {
            this.instance = instance;
        }

        @Override
        public CompletableFuture<Void> subscribe(String topic) {
            if (unavailable) {
                return CompletableFuture.failedFuture(
                        new BrokerUnavailableException("subscribe failed: the broker is unavailable", null));
            }
            synchronized (lock) {
                topics.add(topic);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void unsubscribe(String topic) {
            synchronized (lock) {
                topics.remove(topic);
            }
        }

        @Override
        public void publish(String topic, String frame) {
            checkAvailable("publish");
            synchronized (lock) {
                deliver(topic, frame);
            }
        }

        @Override
        public long appendToRoom(String room, String prefix, String suffix) {
            checkAvailable("append");
            synchronized (lock) {
                long offset = offsets.merge(room, 1L, Long::sum);
                String frame = prefix + offset + suffix;
                Deque<String> history = histories.computeIfAbsent(room, r -> new ArrayDeque<>());
                history.addLast(frame);
                while (history.size() > historySize) {
                    history.removeFirst();
                }
                deliver(Topics.room(room), frame);
                return offset;
            }
        }

        @Override
        public List<String> history(String room, long after, long upTo) {
            checkAvailable("history");
            synchronized (lock) {
                return histories.getOrDefault(room, new ArrayDeque<>()).stream()
                        .filter(frame -> {
                            long offset = RoomSequencer.offsetOf(frame);
                            return offset > after && offset <= upTo;
                        })
                        .toList();
            }
        }

        @Override
        public void setListener(BrokerListener listener) {
            this.listener = listener;
        }

        @Override
        public String toString() {
            return "InMemoryBroker endpoint of " + instance + " " + new ArrayList<>(topics);
        }
    }
}
