package dev.arena.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void encodesTypeAndFields() {
        assertEquals("{\"type\":\"ack\",\"id\":\"c1\",\"offset\":17,\"room\":\"r\"}",
                codec.encode(new ServerFrame.Ack("c1", "r", 17)));
        assertEquals("{\"type\":\"presence\",\"members\":[\"a\",\"b\"],\"room\":\"r\"}",
                codec.encode(new ServerFrame.Presence("r", List.of("a", "b"))));
    }
}
