package dev.arena.rooms;

/**
 * One client connection held by this instance, as the domain sees it (the WebSocket adapter implements it).
 * Implementations must be thread-safe: frames for one member arrive from the broker's delivery threads and
 * from request threads concurrently, and must leave in the order {@link #send} was called.
 */
public interface Member {

    /** Unique among the connections of this instance. */
    String id();

    String user();

    /**
     * Queues a frame without blocking. A member that cannot keep up is closed by its implementation
     * (reason {@code slow}) rather than buffering without bound.
     */
    void send(String frame);

    /** Sends a transport-level keep-alive (a WebSocket ping); must not block either. */
    void keepAlive();
}
