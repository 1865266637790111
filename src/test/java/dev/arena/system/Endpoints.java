package dev.arena.system;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the cluster under test lives. Defaults match {@code bin/cluster up}; each can be
 * overridden with a system property (Failsafe passes {@code -D} options through):
 * {@code arena.url} (the Nginx front), {@code arena.instances} (comma-separated base URLs
 * of the instances, which serve the same paths directly) and {@code arena.redis}
 * (host:port, only probed to see when Redis is down).
 */
final class Endpoints {

    private static final String FRONT = System.getProperty("arena.url", "http://127.0.0.1:8080");
    private static final String INSTANCES = System.getProperty("arena.instances",
            "http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083");
    private static final String REDIS = System.getProperty("arena.redis", "127.0.0.1:6390");

    /** Makes room and user names of one test run distinct from every earlier run's. */
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);

    private Endpoints() {
    }

    static URI front() {
        return URI.create(stripSlash(FRONT));
    }

    static List<URI> instances() {
        return Arrays.stream(INSTANCES.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(stripSlash(s)))
                .toList();
    }

    static InetSocketAddress redis() {
        int colon = REDIS.lastIndexOf(':');
        return new InetSocketAddress(REDIS.substring(0, colon), Integer.parseInt(REDIS.substring(colon + 1)));
    }

    /** A room or user name unique to this run: {@code prefix-<run id>}, within the 32-character user limit for short prefixes. */
    static String unique(String prefix) {
        return prefix + "-" + RUN_ID;
    }

    /** {@code ws://host:port/ws?room=R&token=T} on the given HTTP base. */
    static URI roomSocket(URI base, String room, String token) {
        return socket(base, "/ws?room=" + encode(room) + "&token=" + encode(token));
    }

    /** {@code ws://host:port/ws?token=T} on the given HTTP base: a socket in no room, for the user's own events. */
    static URI userSocket(URI base, String token) {
        return socket(base, "/ws?token=" + encode(token));
    }

    /** {@code ws://host:port/ws/geo?token=T} on the given HTTP base. */
    static URI geoSocket(URI base, String token) {
        return socket(base, "/ws/geo?token=" + encode(token));
    }

    /** The URI without its token, for logs and failure messages. */
    static String redact(URI uri) {
        return uri.toString().replaceAll("token=[^&]*", "token=...");
    }

    private static URI socket(URI base, String pathAndQuery) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getRawAuthority() + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
