package dev.arena.rooms;

/** Receives what the {@link Broker} delivers; called from one delivery thread, must not block. */
public interface BrokerListener {

    void onMessage(String topic, String frame);

    /** The broker lost its connection and has re-established every subscription; state may need re-asserting. */
    default void onReconnected() {
    }
}
