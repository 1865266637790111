package dev.arena.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, counted in log-linear buckets (64 per power of two, so a percentile is
 * off by at most 1.6 %). Lock-free: the receiving threads record concurrently.
 */
final class Histogram {

    private static final int SUB = 64;
    private static final int MAX_EXPONENT = 40;
    private final AtomicLongArray counts = new AtomicLongArray(SUB + (MAX_EXPONENT - 5) * SUB);
    private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

    void record(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(index(value));
        max.accumulateAndGet(value, Math::max);
    }

    long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    long max() {
        return max.get();
    }

    /** The smallest recorded bucket value at or above the given quantile (0..1), in microseconds. */
    long percentile(double quantile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperValue(i), max());
            }
        }
        return max();
    }

    private static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(value), MAX_EXPONENT);
        long mantissa = (value >> (exponent - 6)) & (SUB - 1);
        return SUB + (exponent - 6) * SUB + (int) mantissa;
    }

    private static long upperValue(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = (index - SUB) / SUB + 6;
        long mantissa = SUB + (index - SUB) % SUB;
        return ((mantissa + 1) << (exponent - 6)) - 1;
    }
}
