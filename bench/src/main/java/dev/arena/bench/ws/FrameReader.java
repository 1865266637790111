package dev.arena.bench.ws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses what a server sends (RFC 6455, section 5): unmasked frames, text messages possibly fragmented
 * into continuation frames, control frames between the fragments. All sockets read into one shared buffer;
 * the incomplete frame left at the end of a read is kept in a small array of this socket and put back in
 * front of the next read, so an idle socket holds no read buffer. A whole text frame is handed on where it
 * lies in the shared buffer, without a copy; only a fragmented message is assembled.
 */
final class FrameReader {

    /** What the frames mean to the socket. Called on the reading thread, in order. */
    interface Sink {
        void onText(byte[] data, int offset, int length) throws IOException;

        void onPing(byte[] data, int offset, int length) throws IOException;

        void onClose(int code, String reason) throws IOException;
    }

    /** The server broke the protocol; {@code code} is the close code to answer with. */
    static final class Violation extends IOException {
        final int code;

        Violation(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static final int MAX_MESSAGE = 16 << 20;
    private static final byte[] NONE = new byte[0];

    private byte[] kept = NONE;
    private int keptLength;
    /** The opcode of the fragmented message being assembled, or -1. */
    private int fragmented = -1;
    private byte[] message = NONE;
    private int messageLength;
    private boolean closed;

    /**
     * Puts the kept bytes at the start of {@code shared} and reads after them once. Returns the end of the
     * valid bytes in {@code shared.array()}, or -1 at the end of the stream.
     */
    int fill(ReadableByteChannel channel, ByteBuffer shared) throws IOException {
        shared.clear();
        shared.put(kept, 0, keptLength);
        keptLength = 0;
        if (channel.read(shared) < 0) {
            return -1;
        }
        return shared.position();
    }

    /** Keeps {@code data[from, end)} for the next {@link #fill}. */
    void keep(byte[] data, int from, int end) {
        int length = end - from;
        if (length > kept.length) {
            kept = new byte[Math.max(length, 256)];
        }
        System.arraycopy(data, from, kept, 0, length);
        keptLength = length;
    }

    /**
     * Hands every complete frame in {@code data[from, end)} to the sink and keeps the incomplete rest. Nothing
     * after a close frame is read. A frame must fit in {@code data} (the shared buffer) whole.
     */
    void parse(byte[] data, int from, int end, Sink sink) throws IOException {
        int at = from;
        while (!closed && end - at >= 2) {
            int b0 = data[at] & 0xFF;
            int b1 = data[at + 1] & 0xFF;
            if ((b1 & 0x80) != 0) {
                throw new Violation(1002, "masked frame from the server");
            }
            if ((b0 & 0x70) != 0) {
                throw new Violation(1002, "reserved bits set without an extension");
            }
            long length = b1 & 0x7F;
            int header = 2;
            if (length == 126) {
                if (end - at < 4) {
                    break;
                }
                length = (data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF);
                header = 4;
            } else if (length == 127) {
                if (end - at < 10) {
                    break;
                }
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = length << 8 | (data[at + 2 + i] & 0xFF);
                }
                header = 10;
            }
            if (length < 0 || length > data.length - header) {
                throw new Violation(1009, "frame of " + length + " bytes, larger than the read buffer");
            }
            if (end - at < header + length) {
                break;
            }
            frame(b0, data, at + header, (int) length, sink);
            at += header + (int) length;
        }
        keep(data, at, closed ? at : end);
    }

    private void frame(int b0, byte[] data, int offset, int length, Sink sink) throws IOException {
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        switch (opcode) {
            case Frames.TEXT, Frames.BINARY -> {
                if (fragmented >= 0) {
                    throw new Violation(1002, "new message before the fragmented one ended");
                }
                if (!fin) {
                    fragmented = opcode;
                    append(data, offset, length);
                } else if (opcode == Frames.TEXT) {
                    sink.onText(data, offset, length);
                }
            }
            case Frames.CONTINUATION -> {
                if (fragmented < 0) {
                    throw new Violation(1002, "continuation frame outside a fragmented message");
                }
                append(data, offset, length);
                if (fin) {
                    int messageOpcode = fragmented;
                    int total = messageLength;
                    fragmented = -1;
                    messageLength = 0;
                    if (messageOpcode == Frames.TEXT) {
                        sink.onText(message, 0, total);
                    }
                }
            }
            case Frames.PING, Frames.PONG, Frames.CLOSE -> {
                if (!fin || length > 125) {
                    throw new Violation(1002, "fragmented or oversized control frame");
                }
                if (opcode == Frames.PING) {
                    sink.onPing(data, offset, length);
                } else if (opcode == Frames.CLOSE) {
                    closed = true;
                    int code = length >= 2 ? (data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF) : 1005;
                    String reason = length > 2
                            ? new String(data, offset + 2, length - 2, StandardCharsets.UTF_8) : "";
                    sink.onClose(code, reason);
                }
            }
            default -> throw new Violation(1002, "unknown opcode " + opcode);
        }
    }

    /** Binary messages are not kept (nothing reads them), only their end is awaited. */
    private void append(byte[] data, int offset, int length) throws Violation {
        if (fragmented != Frames.TEXT) {
            return;
        }
        int needed = messageLength + length;
        if (needed > MAX_MESSAGE) {
            throw new Violation(1009, "fragmented message over " + MAX_MESSAGE + " bytes");
        }
        if (needed > message.length) {
            message = Arrays.copyOf(message, Math.max(needed, 2 * message.length));
        }
        System.arraycopy(data, offset, message, messageLength, length);
        messageLength = needed;
    }
}
