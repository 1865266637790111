package dev.arena.rooms;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each room's messages flowing to this instance's members in offset order, once each, without gaps.
 *
 * <p>Pub/Sub is at most once: messages published while this instance's subscriber connection was down (or
 * before it had resubscribed) never arrive. The room log keeps them, so when a message arrives whose offset
 * is not the next one, or when the broker reconnects, the missing ones are read from the history and handed
 * on first. A read happens only around a gap, so a delivery thread normally only hands off. Thread-safe.
 */
final class RoomSequencer {

    private static final Logger LOG = Logger.getLogger(RoomSequencer.class.getName());
    static final String MESSAGE_START = "{\"type\":\"message\",";
    private static final String OFFSET_FIELD = "\"offset\":";

    private final Broker broker;
    /** Room -> the offset last handed on; present only while the room has local members. */
    private final Map<String, long[]> delivered = new ConcurrentHashMap<>();

    RoomSequencer(Broker broker) {
        this.broker = broker;
    }

    /** Hands on a message frame of a room, after any it was missing, and drops one it has already passed. */
    void accept(String room, String frame, Consumer<String> deliver) {
        long offset = offsetOf(frame);
        long[] last = delivered.computeIfAbsent(room, r -> new long[]{0});
        synchronized (last) {
            if (offset <= last[0]) {
                return;
            }
            if (last[0] > 0 && offset > last[0] + 1) {
                fill(room, last, offset - 1, deliver);
            }
            deliver.accept(frame);
            last[0] = offset;
        }
    }

    /** After the broker reconnects: hands on whatever each followed room received meanwhile. */
    void catchUp(Consumer<Map.Entry<String, String>> deliver) {
        for (Map.Entry<String, long[]> entry : delivered.entrySet()) {
            long[] last = entry.getValue();
            synchronized (last) {
                if (last[0] > 0) {
                    fill(entry.getKey(), last, Long.MAX_VALUE, frame -> deliver.accept(Map.entry(entry.getKey(), frame)));
                }
            }
        }
    }

    /** The room has no local members any more: a later member starts from what arrives then. */
    void forget(String room) {
        delivered.remove(room);
    }

    private void fill(String room, long[] last, long upTo, Consumer<String> deliver) {
        try {
            List<String> missed = broker.history(room, last[0], upTo);
            for (String frame : missed) {
                long offset = offsetOf(frame);
                if (offset == last[0] + 1) {
                    deliver.accept(frame);
                    last[0] = offset;
                }
            }
            if (last[0] < upTo && upTo != Long.MAX_VALUE) {
                LOG.log(Level.WARNING, "Room {0}: offsets {1}..{2} are no longer in the history",
                        new Object[]{room, last[0] + 1, upTo});
            }
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "Room {0}: could not read missed messages: {1}", new Object[]{room, e.getMessage()});
        }
    }

    /** The offset of a message frame as the room log writes it; -1 for anything else. */
    static long offsetOf(String frame) {
        int at = frame.indexOf(OFFSET_FIELD);
        if (!frame.startsWith(MESSAGE_START) || at < 0) {
            return -1;
        }
        long offset = 0;
        for (int i = at + OFFSET_FIELD.length(); i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            offset = offset * 10 + (c - '0');
        }
        return offset;
    }
}
