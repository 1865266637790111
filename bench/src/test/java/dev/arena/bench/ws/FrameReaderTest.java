package dev.arena.bench.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    /** What the reader handed on, in order: "text:...", "ping:...", "close:code:reason". */
    private static final class Recorder implements FrameReader.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void onText(byte[] data, int offset, int length) {
            events.add("text:" + new String(data, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onPing(byte[] data, int offset, int length) {
            events.add("ping:" + new String(data, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onClose(int code, String reason) {
            events.add("close:" + code + ":" + reason);
        }
    }

    /** Hands out {@code bytes} in reads of at most {@code chunk} bytes, then the end of the stream. */
    private static final class Chunked implements ReadableByteChannel {
        private final byte[] bytes;
        private final int chunk;
        private int at;

        Chunked(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(chunk, dst.remaining()), bytes.length - at);
            dst.put(bytes, at, n);
            at += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65536) {
            out.write(126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) n >>> (8 * i)));
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return frame(true, Frames.TEXT, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Feeds {@code stream} through one reader in reads of {@code chunk} bytes, as the socket loop does. */
    private static List<String> read(byte[] stream, int chunk) throws IOException {
        FrameReader reader = new FrameReader();
        Recorder recorder = new Recorder();
        ByteBuffer shared = ByteBuffer.allocate(1 << 17);
        Chunked channel = new Chunked(stream, chunk);
        int end;
        while ((end = reader.fill(channel, shared)) >= 0) {
            reader.parse(shared.array(), 0, end, recorder);
        }
        return recorder.events;
    }

    private static String repeat(char c, int n) {
        char[] chars = new char[n];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    @Test
    void framesSplitAtEveryByteArriveWhole() throws IOException {
        String medium = repeat('m', 300);
        byte[] stream = concat(text("42[\"message\",{\"t\":1,\"s\":2}]"), text(medium), text("é"));
        for (int chunk = 1; chunk <= stream.length; chunk++) {
            assertEquals(List.of("text:42[\"message\",{\"t\":1,\"s\":2}]", "text:" + medium, "text:é"),
                    read(stream, chunk), "reads of " + chunk + " bytes");
        }
    }

    @Test
    void sixteenAndSixtyFourBitLengths() throws IOException {
        String short16 = repeat('a', 126);
        String long16 = repeat('b', 65535);
        String long64 = repeat('c', 70_000);
        byte[] stream = concat(text(short16), text(long16), text(long64));
        assertEquals(4, text(short16).length - 126, "126 bytes take the 16-bit length");
        assertEquals(10, text(long64).length - 70_000, "70,000 bytes take the 64-bit length");
        for (int chunk : new int[]{3, 1000, 1 << 17}) {
            assertEquals(List.of("text:" + short16, "text:" + long16, "text:" + long64), read(stream, chunk));
        }
    }

    @Test
    void continuationFramesWithAPingBetween() throws IOException {
        byte[] stream = concat(
                frame(false, Frames.TEXT, "hel".getBytes(StandardCharsets.UTF_8)),
                frame(true, Frames.PING, "p".getBytes(StandardCharsets.UTF_8)),
                frame(false, Frames.CONTINUATION, "lo ".getBytes(StandardCharsets.UTF_8)),
                frame(true, Frames.CONTINUATION, "world".getBytes(StandardCharsets.UTF_8)),
                frame(false, Frames.BINARY, new byte[]{1, 2}),
                frame(true, Frames.CONTINUATION, new byte[]{3}),
                text("after"));
        for (int chunk : new int[]{1, 2, 5, 100}) {
            assertEquals(List.of("ping:p", "text:hello world", "text:after"), read(stream, chunk));
        }
    }

    @Test
    void closeFrameEndsTheStream() throws IOException {
        byte[] reason = "going away".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + reason.length];
        payload[0] = 0x03;
        payload[1] = (byte) 0xE9;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        byte[] stream = concat(text("last"), frame(true, Frames.CLOSE, payload), text("never"));
        assertEquals(List.of("text:last", "close:1001:going away"), read(stream, 4));
        assertEquals(List.of("close:1005:"), read(frame(true, Frames.CLOSE, new byte[0]), 1));
    }

    @Test
    void maskedServerFrameIsAViolation() {
        byte[] masked = Frames.masked(Frames.TEXT, new byte[]{'x'}, 0, 1).array();
        FrameReader.Violation v = assertThrows(FrameReader.Violation.class, () -> read(masked, 10));
        assertEquals(1002, v.code);
    }

    @Test
    void continuationWithoutAStartIsAViolation() {
        byte[] stream = frame(true, Frames.CONTINUATION, new byte[]{'x'});
        assertEquals(1002, assertThrows(FrameReader.Violation.class, () -> read(stream, 10)).code);
    }

    @Test
    void clientFramesAreMaskedAndCarryThePayload() {
        for (int n : new int[]{0, 125, 126, 65535, 65536}) {
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) (i * 31);
            }
            byte[] frame = Frames.masked(Frames.TEXT, payload, 0, n).array();
            int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
            assertEquals(0x81, frame[0] & 0xFF);
            assertEquals(0x80, frame[1] & 0x80, "mask bit");
            assertEquals(header + 4 + n, frame.length);
            byte[] unmasked = new byte[n];
            for (int i = 0; i < n; i++) {
                unmasked[i] = (byte) (frame[header + 4 + i] ^ frame[header + (i & 3)]);
            }
            assertArrayEquals(payload, unmasked);
        }
    }
}
