package dev.arena.platform;

/**
 * Delivers a frame to every open connection of a user, on whichever instance holds it. At most once: what must
 * not be lost is stored before it is announced here. Thread-safe; never blocks for long.
 */
public interface UserChannel {

    /** Sends the frame; a failure to reach the other instances is logged, not thrown. */
    void send(String user, String frame);
}
