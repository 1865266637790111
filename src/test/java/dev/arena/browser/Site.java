package dev.arena.browser;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the cluster under test lives: {@code arena.url} (the Nginx front) and {@code arena.instances}
 * (comma-separated base URLs of the instances {@code ws-1, ws-2, ...} in order; every instance serves the
 * pages too).
 */
final class Site {

    private static final String FRONT = System.getProperty("arena.url", "http://127.0.0.1:8080");
    private static final String INSTANCES = System.getProperty("arena.instances",
            "http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083");
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);

    private Site() {
    }

    static URI front() {
        return URI.create(stripSlash(FRONT));
    }

    static List<URI> instances() {
        return Arrays.stream(INSTANCES.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> URI.create(stripSlash(s))).toList();
    }

    /** The base URL of instance {@code ws-N}, by its position in {@code arena.instances}. */
    static URI instance(String id) {
        int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        return instances().get(n - 1);
    }

    /** A room or user name unique to this run, short enough for a user name. */
    static String unique(String prefix) {
        return prefix + "-" + RUN_ID;
    }

    static String page(URI base, String pathAndQuery) {
        return base + "/" + pathAndQuery;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
