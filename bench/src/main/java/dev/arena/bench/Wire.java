package dev.arena.bench;

import java.net.URI;

/**
 * The two wire protocols the load tool speaks: Arena's JSON frames and Socket.IO (Engine.IO v4 packets over a
 * plain WebSocket). Both carry the same publish payload, {@code {"t":<send nanoTime>,"s":<sequence>}}.
 */
interface Wire {

    String name();

    URI uri(int port, String room, String user, String token);

    /** What the connection does with one incoming text frame. */
    Incoming read(String text);

    /** The frame that publishes {@code data} (a JSON object) to the room. */
    String publish(String room, long id, String data);

    /** The reply to send for a frame, or null (Engine.IO's open handshake and pings need one). */
    String reply(String text);

    enum Kind { READY, MESSAGE, ERROR, OTHER }

    record Incoming(Kind kind, String text) {
    }

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

        @Override
        public Incoming read(String text) {
            if (text.startsWith("{\"type\":\"message\"")) {
                return new Incoming(Kind.MESSAGE, text);
            }
            if (text.startsWith("{\"type\":\"welcome\"")) {
                return new Incoming(Kind.READY, text);
            }
            if (text.startsWith("{\"type\":\"error\"")) {
                return new Incoming(Kind.ERROR, text);
            }
            return new Incoming(text.contains("\"type\":\"message\"") ? Kind.MESSAGE : Kind.OTHER, text);
        }

        @Override
        public String publish(String room, long id, String data) {
            return "{\"type\":\"publish\",\"room\":\"" + room + "\",\"id\":\"p" + id + "\",\"data\":" + data + "}";
        }

        @Override
        public String reply(String text) {
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

        @Override
        public Incoming read(String text) {
            if (text.startsWith("42[\"message\"")) {
                return new Incoming(Kind.MESSAGE, text);
            }
            if (text.startsWith("40")) {
                return new Incoming(Kind.READY, text);
            }
            if (text.startsWith("44")) {
                return new Incoming(Kind.ERROR, text);
            }
            return new Incoming(Kind.OTHER, text);
        }

        @Override
        public String publish(String room, long id, String data) {
            return "42[\"publish\",{\"room\":\"" + room + "\",\"id\":\"p" + id + "\",\"data\":" + data + "}]";
        }

        @Override
        public String reply(String text) {
            if (text.equals("2")) {
                return "3";
            }
            if (text.startsWith("0{")) {
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

    /** The long after {@code "key":} at or after {@code from}, or Long.MIN_VALUE. */
    static long longField(String text, String key, int from) {
        int at = text.indexOf("\"" + key + "\":", from);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int i = at + key.length() + 3;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        boolean negative = i < text.length() && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < text.length(); i++, digits++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return digits == 0 ? Long.MIN_VALUE : negative ? -value : value;
    }
}
