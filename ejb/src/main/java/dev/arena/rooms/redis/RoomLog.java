package dev.arena.rooms.redis;

/**
 * The Lua step behind {@link dev.arena.rooms.Broker#appendToRoom}: Redis runs a script atomically, so the
 * offset, the history entry and the publish happen as one step and every subscriber sees offset order.
 */
final class RoomLog {

    /**
     * KEYS[1] the room's sequence, KEYS[2] its history (sorted set scored by offset);
     * ARGV[1] frame prefix, ARGV[2] frame suffix, ARGV[3] channel, ARGV[4] history size.
     */
    static final String APPEND = """
            local offset = redis.call('INCR', KEYS[1])
            local frame = ARGV[1] .. offset .. ARGV[2]
            redis.call('ZADD', KEYS[2], offset, frame)
            local keep = tonumber(ARGV[4])
            if offset > keep then
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', offset - keep)
            end
            redis.call('PUBLISH', ARGV[3], frame)
            return offset
            """;

    private RoomLog() {
    }
}
