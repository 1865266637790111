package dev.arena.rooms.redis;

import dev.arena.platform.redis.RedisSettings;
import dev.arena.rooms.BrokerUnavailableException;
import dev.arena.rooms.Presence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Presence in Redis. A room's members are a hash {@code room:{r}:members} of {@code <instance>/<member>} to
 * user; each instance also lists its rooms in {@code instance:{i}:rooms} and keeps a heartbeat key
 * {@code instance:{i}:alive} with a TTL. Members of an instance whose heartbeat expired are hidden at once
 * and removed by whichever instance reaps first (a short lock key keeps reapers from doubling up).
 */
public final class RedisPresence implements Presence {

    private final RedisSettings settings;
    private final RedisClient redis;
    private final String instance;
    private final long ttlSeconds;

    public RedisPresence(RedisSettings settings, RedisClient redis, String instance, long ttlSeconds) {
        this.settings = settings;
        this.redis = redis;
        this.instance = instance;
        this.ttlSeconds = ttlSeconds;
    }

    @Override
    public void add(String room, String memberId, String user) {
        call(() -> {
            redis.hset(membersKey(room), instance + "/" + memberId, user);
            redis.sadd(roomsKey(instance), room);
            return null;
        });
    }

    @Override
    public void remove(String room, String memberId) {
        call(() -> redis.hdel(membersKey(room), instance + "/" + memberId));
    }

    @Override
    public List<String> members(String room) {
        return call(() -> {
            Map<String, String> entries = redis.hgetAll(membersKey(room));
            Set<String> alive = new HashSet<>();
            Set<String> dead = new HashSet<>();
            Set<String> users = new TreeSet<>();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                String owner = entry.getKey().substring(0, Math.max(0, entry.getKey().lastIndexOf('/')));
                if (!alive.contains(owner) && !dead.contains(owner)) {
                    (owner.equals(instance) || redis.exists(aliveKey(owner)) ? alive : dead).add(owner);
                }
                if (alive.contains(owner)) {
                    users.add(entry.getValue());
                }
            }
            return List.copyOf(users);
        });
    }

    @Override
    public void heartbeat() {
        call(() -> {
            redis.set(aliveKey(instance), "1", SetParams.setParams().ex(ttlSeconds));
            redis.sadd(settings.key("instances"), instance);
            return null;
        });
    }

    @Override
    public List<Departure> reapDeadInstances() {
        return call(() -> {
            List<Departure> departures = new ArrayList<>();
            for (String other : redis.smembers(settings.key("instances"))) {
                if (!other.equals(instance) && !redis.exists(aliveKey(other))
                        && "OK".equals(redis.set(settings.key("instance:{" + other + "}:reaping"), instance,
                        SetParams.setParams().nx().ex(30)))) {
                    departures.addAll(removeAllOf(other));
                    redis.srem(settings.key("instances"), other);
                }
            }
            return departures;
        });
    }

    /**
     * Forgets what a previous run of this instance left behind (it was killed, or lost Redis mid-way), so that
     * its old connections do not linger in presence.
     */
    public List<Departure> forgetPreviousRun() {
        return call(() -> removeAllOf(instance));
    }

    private List<Departure> removeAllOf(String owner) {
        List<Departure> departures = new ArrayList<>();
        String ownerPrefix = owner + "/";
        for (String room : redis.smembers(roomsKey(owner))) {
            for (Map.Entry<String, String> entry : redis.hgetAll(membersKey(room)).entrySet()) {
                if (entry.getKey().startsWith(ownerPrefix) && redis.hdel(membersKey(room), entry.getKey()) > 0) {
                    departures.add(new Departure(room, entry.getValue()));
                }
            }
        }
        redis.del(roomsKey(owner));
        return departures;
    }

    private String membersKey(String room) {
        return settings.key("room:{" + room + "}:members");
    }

    private String roomsKey(String owner) {
        return settings.key("instance:{" + owner + "}:rooms");
    }

    private String aliveKey(String owner) {
        return settings.key("instance:{" + owner + "}:alive");
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new BrokerUnavailableException("presence unavailable: " + e.getMessage(), e);
        }
    }
}
