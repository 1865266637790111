package dev.arena.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The two wire protocols the load tool speaks: Arena's JSON frames and Socket.IO (Engine.IO v4 packets over a
 * plain WebSocket). Both carry the same publish payload, {@code {"t":<send nanoTime>,"s":<sequence>}}.
 * Incoming frames are looked at as the bytes they arrived in: a frame's kind is told from its first bytes,
 * and a message's two numbers are scanned for, so that receiving costs the tool little beyond its system calls.
 */
interface Wire {

    String name();

    URI uri(int port, String room, String user, String token);

    /** What the text frame {@code data[offset, offset + length)} is. */
    Kind kind(byte[] data, int offset, int length);

    /** The frame that publishes {@code data} (a JSON object) to the room. */
    String publish(String room, long id, String data);

    /** The reply to send for a frame, or null (Engine.IO's open handshake and pings need one). */
    String reply(byte[] data, int offset, int length);

    enum Kind { READY, MESSAGE, ERROR, OTHER }

    /** Arena: the welcome frame means the socket is in its room. */
    Wire ARENA = new Wire() {
        @Override
        public String name() {
            return "arena";
        }

        @Override
        public URI uri(int port, String room, String user, String token) {
            return URI.create("ws://127.0.0.1:" + port + "/ws?room=" + room + "&token=" + token);
        }

        private final byte[] message = ascii("{\"type\":\"message\"");
        private final byte[] welcome = ascii("{\"type\":\"welcome\"");
        private final byte[] error = ascii("{\"type\":\"error\"");
        private final byte[] messageAnywhere = ascii("\"type\":\"message\"");

        @Override
        public Kind kind(byte[] data, int offset, int length) {
            if (startsWith(data, offset, length, message)) {
                return Kind.MESSAGE;
            }
            if (startsWith(data, offset, length, welcome)) {
                return Kind.READY;
            }
            if (startsWith(data, offset, length, error)) {
                return Kind.ERROR;
            }
            return indexOf(data, offset, offset + length, messageAnywhere) >= 0 ? Kind.MESSAGE : Kind.OTHER;
        }

        @Override
        public String publish(String room, long id, String data) {
            return "{\"type\":\"publish\",\"room\":\"" + room + "\",\"id\":\"p" + id + "\",\"data\":" + data + "}";
        }

        @Override
        public String reply(byte[] data, int offset, int length) {
            return null;
        }
    };

    /**
     * Socket.IO 4 over Engine.IO v4, WebSocket transport from the start: the server opens with {@code 0{...}},
     * the client connects to the main namespace with {@code 40} and is answered {@code 40{"sid":...}}; the
     * server pings with {@code 2}, the client answers {@code 3}; events are {@code 42["name",payload]}.
     */
    Wire SOCKET_IO = new Wire() {
        @Override
        public String name() {
            return "socketio";
        }

        @Override
        public URI uri(int port, String room, String user, String token) {
            return URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket&room=" + room
                    + "&user=" + user);
        }

        private final byte[] message = ascii("42[\"message\"");
        private final byte[] connected = ascii("40");
        private final byte[] connectError = ascii("44");
        private final byte[] open = ascii("0{");

        @Override
        public Kind kind(byte[] data, int offset, int length) {
            if (startsWith(data, offset, length, message)) {
                return Kind.MESSAGE;
            }
            if (startsWith(data, offset, length, connected)) {
                return Kind.READY;
            }
            if (startsWith(data, offset, length, connectError)) {
                return Kind.ERROR;
            }
            return Kind.OTHER;
        }

        @Override
        public String publish(String room, long id, String data) {
            return "42[\"publish\",{\"room\":\"" + room + "\",\"id\":\"p" + id + "\",\"data\":" + data + "}]";
        }

        @Override
        public String reply(byte[] data, int offset, int length) {
            if (length == 1 && data[offset] == '2') {
                return "3";
            }
            if (startsWith(data, offset, length, open)) {
                return "40";
            }
            return null;
        }
    };

    static Wire named(String name) {
        return switch (name) {
            case "arena" -> ARENA;
            case "socketio" -> SOCKET_IO;
            default -> throw new IllegalArgumentException("unknown target " + name + " (arena or socketio)");
        };
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean startsWith(byte[] data, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first {@code needle} in {@code data[from, end)}, or -1. */
    static int indexOf(byte[] data, int from, int end, byte[] needle) {
        byte first = needle[0];
        for (int i = from, last = end - needle.length; i <= last; i++) {
            if (data[i] == first && startsWith(data, i, end - i, needle)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The long after the first {@code key} (the bytes of {@code "name":}) in {@code data[from, end)}, or
     * Long.MIN_VALUE.
     */
    static long longField(byte[] data, int from, int end, byte[] key) {
        int at = indexOf(data, from, end, key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int i = at + key.length;
        while (i < end && data[i] == ' ') {
            i++;
        }
        boolean negative = i < end && data[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end; i++, digits++) {
            byte c = data[i];
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return digits == 0 ? Long.MIN_VALUE : negative ? -value : value;
    }
}
