package dev.arena.rooms;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bridge between instances: topics that every subscribed instance receives, and the ordered room log.
 *
 * <p>Delivery is at most once (Pub/Sub): what must not be lost is written to storage first (the room log
 * does that atomically). Messages of one topic reach the listener one at a time, in publish order; different
 * topics may be delivered on different threads at once. The listener must not block. Thread-safe.
 */
public interface Broker {

    /**
     * Starts receiving {@code topic}. The future completes when the subscription is confirmed, so that
     * nothing published after that point is missed; subscribing twice returns the same subscription.
     */
    CompletableFuture<Void> subscribe(String topic);

    void unsubscribe(String topic);

    /** Publishes a frame on a topic, unordered with respect to the room log. */
    void publish(String topic, String frame) throws BrokerUnavailableException;

    /**
     * In one atomic step: takes the room's next offset, appends {@code prefix + offset + suffix} to its capped
     * history and publishes that frame on the room's topic. Every subscriber sees the room's frames in
     * offset order.
     *
     * @return the offset given to this frame, strictly increasing by one per room
     */
    long appendToRoom(String room, String prefix, String suffix) throws BrokerUnavailableException;

    /**
     * The room's kept frames with offsets in {@code (after, upTo]}, oldest first; the history is capped, so the
     * oldest may be gone.
     */
    List<String> history(String room, long after, long upTo) throws BrokerUnavailableException;

    void setListener(BrokerListener listener);
}
