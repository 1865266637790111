package dev.arena.rooms;

/**
 * Receives what the {@link Broker} delivers: one topic's messages one at a time and in order, different topics
 * possibly at the same time on different threads. Must not block.
 */
public interface BrokerListener {

    void onMessage(String topic, String frame);

    /** The broker lost its connection and has re-established every subscription; state may need re-asserting. */
    default void onReconnected() {
    }
}
