package dev.arena.rooms.redis;

/**
 * The Lua steps behind {@link dev.arena.rooms.Broker#appendToRoom} and {@link dev.arena.rooms.Broker#history}.
 * Redis runs a script atomically, so the offset, the history entry and the publish happen as one step and
 * every subscriber sees offset order.
 *
 * <p>The history is a list capped at the history size, so that it holds exactly the frames of the offsets
 * {@code seq - length + 1 .. seq}, oldest first: an offset's place in it follows from the sequence, so a read
 * needs no index. The append script spends about a third less time in Redis with a list than it did with the
 * sorted set scored by offset that the list replaced (docs/benchmarks.md).
 *
 * <p>A room's history expires once the room has been quiet for the history's time to live: rooms come and
 * go, and Redis refuses every write (the judge's queue included) once its memory is full. The sequence is
 * kept (a few dozen bytes per room), so a room's offsets never start again from 1 under a member who stayed;
 * a list that expired starts again with the next offset, which keeps the rule above.
 */
final class RoomLog {

    /**
     * KEYS[1] the room's sequence, KEYS[2] its history (list);
     * ARGV[1] frame prefix, ARGV[2] frame suffix, ARGV[3] channel, ARGV[4] history size, ARGV[5] history
     * time to live in seconds. Returns the frame's offset.
     */
    static final String APPEND = """
            local offset = redis.call('INCR', KEYS[1])
            local frame = ARGV[1] .. offset .. ARGV[2]
            local keep = tonumber(ARGV[4])
            if redis.call('RPUSH', KEYS[2], frame) > keep then
              redis.call('LTRIM', KEYS[2], -keep, -1)
            end
            redis.call('EXPIRE', KEYS[2], ARGV[5])
            redis.call('PUBLISH', ARGV[3], frame)
            return offset
            """;

    /**
     * KEYS[1] the room's sequence, KEYS[2] its history (list); ARGV[1] after, ARGV[2] up to (offsets).
     * Returns the kept frames with offsets in (after, up to], oldest first. Offsets become indices into the list
     * before they reach Redis, so they stay small numbers whatever the offsets.
     */
    static final String RANGE = """
            local last = tonumber(redis.call('GET', KEYS[1]) or '0')
            local first = last - redis.call('LLEN', KEYS[2]) + 1
            local from = math.max(tonumber(ARGV[1]) + 1, first)
            local upTo = math.min(tonumber(ARGV[2]), last)
            if upTo < from then
              return {}
            end
            return redis.call('LRANGE', KEYS[2], from - first, upTo - first)
            """;

    private RoomLog() {
    }
}
