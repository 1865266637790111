package dev.arena.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void arenaFramesByKind() {
        byte[] message = bytes("{\"type\":\"message\",\"room\":\"fan-1\",\"from\":\"fan0\",\"offset\":7,"
                + "\"data\":{\"t\":-123456789012,\"s\":42},\"ts\":1700000000000}");
        assertEquals(Wire.Kind.MESSAGE, Wire.ARENA.kind(message, 0, message.length));
        int data = Wire.indexOf(message, 0, message.length, Wire.ascii("\"data\""));
        assertEquals(-123456789012L, Wire.longField(message, data, message.length, Wire.ascii("\"t\":")));
        assertEquals(42, Wire.longField(message, data, message.length, Wire.ascii("\"s\":")));
        assertEquals(Long.MIN_VALUE, Wire.longField(message, data, message.length - 30, Wire.ascii("\"s\":")),
                "nothing past the end given");

        byte[] welcome = bytes("{\"type\":\"welcome\",\"instance\":\"ws-1\"}");
        byte[] error = bytes("{\"type\":\"error\",\"code\":\"rate_limited\"}");
        byte[] ack = bytes("{\"type\":\"ack\",\"id\":\"p1\",\"room\":\"r\",\"offset\":3}");
        byte[] reordered = bytes("{\"room\":\"r\",\"type\":\"message\",\"data\":{}}");
        assertEquals(Wire.Kind.READY, Wire.ARENA.kind(welcome, 0, welcome.length));
        assertEquals(Wire.Kind.ERROR, Wire.ARENA.kind(error, 0, error.length));
        assertEquals(Wire.Kind.OTHER, Wire.ARENA.kind(ack, 0, ack.length));
        assertEquals(Wire.Kind.MESSAGE, Wire.ARENA.kind(reordered, 0, reordered.length));
    }

    @Test
    void socketIoPacketsAndReplies() {
        String[] packets = {"0{\"sid\":\"a\",\"pingInterval\":25000}", "2", "3", "40{\"sid\":\"b\"}",
                "44{\"message\":\"no\"}", "42[\"message\",{\"data\":{\"t\":5,\"s\":6}}]"};
        // All in one array, at offsets, as frames lie in the shared read buffer.
        byte[] all = bytes("x" + String.join("", packets));
        int[] at = new int[packets.length];
        for (int i = 0, offset = 1; i < packets.length; offset += packets[i].length(), i++) {
            at[i] = offset;
        }
        assertEquals("40", Wire.SOCKET_IO.reply(all, at[0], packets[0].length()));
        assertEquals("3", Wire.SOCKET_IO.reply(all, at[1], 1));
        assertNull(Wire.SOCKET_IO.reply(all, at[2], 1), "a pong needs no answer");
        assertEquals(Wire.Kind.OTHER, Wire.SOCKET_IO.kind(all, at[1], 1));
        assertEquals(Wire.Kind.READY, Wire.SOCKET_IO.kind(all, at[3], packets[3].length()));
        assertEquals(Wire.Kind.ERROR, Wire.SOCKET_IO.kind(all, at[4], packets[4].length()));
        assertEquals(Wire.Kind.MESSAGE, Wire.SOCKET_IO.kind(all, at[5], packets[5].length()));
    }
}
