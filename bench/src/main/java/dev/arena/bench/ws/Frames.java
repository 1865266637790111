package dev.arena.bench.ws;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/** Opcodes, and the masked frames a client sends (RFC 6455, section 5.2). */
final class Frames {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private Frames() {
    }

    /**
     * One final frame of {@code opcode} carrying {@code payload[offset, offset + length)}. A client must mask
     * every frame with a fresh key, or a conforming server closes the connection.
     */
    static ByteBuffer masked(int opcode, byte[] payload, int offset, int length) {
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        } else if (length < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        int key = ThreadLocalRandom.current().nextInt();
        byte[] mask = {(byte) (key >>> 24), (byte) (key >>> 16), (byte) (key >>> 8), (byte) key};
        System.arraycopy(mask, 0, frame, header, 4);
        int body = header + 4;
        for (int i = 0; i < length; i++) {
            frame[body + i] = (byte) (payload[offset + i] ^ mask[i & 3]);
        }
        return ByteBuffer.wrap(frame);
    }
}
