package dev.arena.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomSequencerTest {

    private static final String PREFIX = "{\"type\":\"message\",\"room\":\"r\",\"from\":\"a\",\"offset\":";

    private final Broker broker = new InMemoryBroker(100).connect("log");
    private final RoomSequencer sequencer = new RoomSequencer(broker);
    private final List<Long> delivered = new ArrayList<>();

    @Test
    void fillsAGapFromTheHistoryBeforeTheMessageThatRevealedIt() {
        String first = append();
        append();
        String third = append();

        sequencer.accept("r", first, this::record);
        sequencer.accept("r", third, this::record);

        assertEquals(List.of(1L, 2L, 3L), delivered);
    }

    @Test
    void dropsWhatWasAlreadyHandedOn() {
        String first = append();
        String second = append();

        sequencer.accept("r", first, this::record);
        sequencer.accept("r", second, this::record);
        sequencer.accept("r", first, this::record);
        sequencer.accept("r", second, this::record);

        assertEquals(List.of(1L, 2L), delivered);
    }

    @Test
    void catchesUpOnWhatWasPublishedWhileDisconnected() {
        sequencer.accept("r", append(), this::record);
        append();
        append();

        sequencer.catchUp(missed -> record(missed.getValue()));

        assertEquals(List.of(1L, 2L, 3L), delivered);
    }

    @Test
    void aForgottenRoomStartsAfreshWithoutReplayingTheHistory() {
        sequencer.accept("r", append(), this::record);
        sequencer.forget("r");
        append();
        String third = append();

        sequencer.accept("r", third, this::record);

        assertEquals(List.of(1L, 3L), delivered);
    }

    @Test
    void readsTheOffsetOnlyFromMessageFrames() {
        assertEquals(17, RoomSequencer.offsetOf(PREFIX + "17,\"data\":{\"offset\":3},\"ts\":1}"));
        assertEquals(-1, RoomSequencer.offsetOf("{\"type\":\"joined\",\"room\":\"r\",\"user\":\"a\"}"));
    }

    private String append() {
        long offset = broker.appendToRoom("r", PREFIX, ",\"data\":null,\"ts\":0}");
        return broker.history("r", offset - 1, offset).getFirst();
    }

    private void record(String frame) {
        delivered.add(RoomSequencer.offsetOf(frame));
    }
}
