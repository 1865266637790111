package dev.arena.rooms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * {@link Presence} of several instances inside one JVM, with the rules of the Redis implementation: entries
 * belong to an instance, an instance is alive while its last heartbeat is younger than the TTL, entries of
 * instances that are not alive are hidden at once and removed by the first live instance that reaps. Each
 * instance uses its own {@link #forInstance(String) view}. Time comes from a supplier so that tests move it.
 * Thread-safe.
 */
final class InMemoryPresence {

    private final Object lock = new Object();
    private final long ttlMillis;
    private final LongSupplier clockMillis;
    /** Room -> ("instance/member" -> user). */
    private final Map<String, Map<String, String>> rooms = new HashMap<>();
    /** Instance -> time of its last heartbeat. */
    private final Map<String, Long> heartbeats = new LinkedHashMap<>();
    private volatile boolean unavailable;

    InMemoryPresence(Duration ttl, LongSupplier clockMillis) {
        this.ttlMillis = ttl.toMillis();
        this.clockMillis = clockMillis;
    }

    Presence forInstance(String instance) {
        return new View(instance);
    }

    /** While set, every call fails with {@link BrokerUnavailableException}. */
    void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** Forgets everything, as a Redis restarted without its data would. */
    void wipe() {
        synchronized (lock) {
            rooms.clear();
            heartbeats.clear();
        }
    }

    private boolean alive(String instance, String asSeenBy) {
        Long last = heartbeats.get(instance);
        return instance.equals(asSeenBy) || last != null && clockMillis.getAsLong() - last < ttlMillis;
    }

    private static String owner(String entry) {
        return entry.substring(0, entry.lastIndexOf('/'));
    }

    private final class View implements Presence {

        private final String instance;

        View(String instance) {
            this.instance = instance;
        }

        @Override
        public void add(String room, String memberId, String user) {
            synchronized (lock) {
                check();
                rooms.computeIfAbsent(room, r -> new HashMap<>()).put(instance + "/" + memberId, user);
            }
        }

        @Override
        public void remove(String room, String memberId) {
            synchronized (lock) {
                check();
                Map<String, String> members = rooms.get(room);
                if (members != null) {
                    members.remove(instance + "/" + memberId);
                }
            }
        }

        @Override
        public List<String> members(String room) {
            synchronized (lock) {
                check();
                TreeSet<String> users = new TreeSet<>();
                rooms.getOrDefault(room, Map.of()).forEach((entry, user) -> {
                    if (alive(owner(entry), instance)) {
                        users.add(user);
                    }
                });
                return List.copyOf(users);
            }
        }

        @Override
        public void heartbeat() {
            synchronized (lock) {
                check();
                heartbeats.put(instance, clockMillis.getAsLong());
            }
        }

        @Override
        public List<Departure> reapDeadInstances() {
            synchronized (lock) {
                check();
                List<Departure> departures = new ArrayList<>();
                for (String other : List.copyOf(heartbeats.keySet())) {
                    if (alive(other, instance)) {
                        continue;
                    }
                    rooms.forEach((room, members) -> members.entrySet().removeIf(entry -> {
                        boolean dead = owner(entry.getKey()).equals(other);
                        if (dead) {
                            departures.add(new Departure(room, entry.getValue()));
                        }
                        return dead;
                    }));
                    heartbeats.remove(other);
                }
                return departures;
            }
        }

        private void check() {
            if (unavailable) {
                throw new BrokerUnavailableException("presence failed: the broker is unavailable", null);
            }
        }
    }
}
