package dev.arena.rooms.redis;

/**
 * The Lua step behind {@link dev.arena.rooms.Broker#appendToRoom}: Redis runs a script atomically, so the
 * offset, the history entry and the publish happen as one step and every subscriber sees offset order.
 *
 * <p>A room's history expires once the room has been quiet for the history's time to live: rooms come and
 * go, and Redis refuses every write (the judge's queue included) once its memory is full. The sequence is
 * kept (a few dozen bytes per room), so a room's offsets never start again from 1 under a member who stayed.
 */
final class RoomLog {

    /**
     * KEYS[1] the room's sequence, KEYS[2] its history (sorted set scored by offset);
     * ARGV[1] frame prefix, ARGV[2] frame suffix, ARGV[3] channel, ARGV[4] history size, ARGV[5] history
     * time to live in seconds.
     */
    static final String APPEND = """
            local offset = redis.call('INCR', KEYS[1])
            local frame = ARGV[1] .. offset .. ARGV[2]
            redis.call('ZADD', KEYS[2], offset, frame)
            local keep = tonumber(ARGV[4])
            if offset > keep then
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', offset - keep)
            end
            redis.call('EXPIRE', KEYS[2], ARGV[5])
            redis.call('PUBLISH', ARGV[3], frame)
            return offset
            """;

    private RoomLog() {
    }
}
