package dev.arena.rooms;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one instance's room traffic. Thread-safe. */
public final class RoomMetrics {

    final LongAdder framesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder published = new LongAdder();
    final LongAdder errors = new LongAdder();

    /** Frames received from clients. */
    public long framesIn() {
        return framesIn.sum();
    }

    /** Frames handed to local connections (room messages, presence events, judge events). */
    public long messagesOut() {
        return messagesOut.sum();
    }

    /** Room messages this instance's clients published. */
    public long published() {
        return published.sum();
    }

    /** Error frames sent. */
    public long errors() {
        return errors.sum();
    }
}
