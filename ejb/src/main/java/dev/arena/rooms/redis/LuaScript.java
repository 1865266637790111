package dev.arena.rooms.redis;

import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** A Lua script run by its SHA, so that each call sends the arguments only; loaded again after Redis lost it. */
final class LuaScript {

    private final String source;
    private volatile String sha;

    LuaScript(String source) {
        this.source = source;
    }

    Object run(RedisClient redis, List<String> keys, List<String> args) {
        String known = sha;
        if (known != null) {
            try {
                return redis.evalsha(known, keys, args);
            } catch (JedisNoScriptException e) {
                // Redis restarted without its script cache: load it again below.
            }
        }
        sha = redis.scriptLoad(source);
        return redis.evalsha(sha, keys, args);
    }
}
