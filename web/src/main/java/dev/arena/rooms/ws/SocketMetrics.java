package dev.arena.rooms.ws;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the WebSocket transport of this instance. Thread-safe. */
@ApplicationScoped
public class SocketMetrics {

    final LongAdder slowClosed = new LongAdder();
    final LongAdder unauthorized = new LongAdder();

    /** Sockets closed because their client stopped reading. */
    public long slowClosed() {
        return slowClosed.sum();
    }

    /** Connections refused for a missing, forged or expired token. */
    public long unauthorized() {
        return unauthorized.sum();
    }
}
