package dev.arena.rooms.ws;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the WebSocket transport of this instance. Thread-safe. */
@ApplicationScoped
public class SocketMetrics {

    // Updated through methods only: callers hold a CDI client proxy, whose fields are not the bean's.
    private final LongAdder slowClosed = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();

    public void countSlowClose() {
        slowClosed.increment();
    }

    public void countUnauthorized() {
        unauthorized.increment();
    }

    /** Sockets closed because their client stopped reading. */
    public long slowClosed() {
        return slowClosed.sum();
    }

    /** Connections refused for a missing, forged or expired token. */
    public long unauthorized() {
        return unauthorized.sum();
    }
}
