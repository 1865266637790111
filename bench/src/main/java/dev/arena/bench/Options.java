package dev.arena.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} command-line options with defaults. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int getInt(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    long getLong(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    double getDouble(String key, double fallback) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    int[] ints(String key, String fallback) {
        String value = get(key, fallback);
        return value.isBlank() ? new int[0] : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    long[] longs(String key, String fallback) {
        String value = get(key, fallback);
        return value.isBlank() ? new long[0] : Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
    }
}
