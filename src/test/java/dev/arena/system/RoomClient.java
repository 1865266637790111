package dev.arena.system;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection speaking the rooms protocol, as a browser would.
 *
 * <p>Every received text frame is parsed into a {@link JsonObject} and kept, in arrival
 * order. {@link #await} takes the earliest frame not taken before that matches, and
 * leaves every other frame where it is: the server may send a publisher its own message
 * before the ack, or events from several instances in any order, and a wait for one
 * must not swallow the other. {@link #awaitCount} and {@link #received} read without
 * taking. Thread-safe: frames arrive on the HTTP client's threads while the test thread
 * sends and waits; sends are serialised because a WebSocket accepts one outstanding
 * send at a time.
 */
final class RoomClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RoomClient.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** How many recent frames a timeout message shows. */
    private static final int FRAMES_IN_FAILURE = 8;

    /** One HTTP client per local address: a client binds every connection it opens to its address. */
    private static final Map<String, HttpClient> HTTP_CLIENTS = new ConcurrentHashMap<>();

    private final String label;
    /** Every frame received, in order; guarded by itself, which is also the monitor waits use. */
    private final List<JsonObject> history = new ArrayList<>();
    /** Indexes into {@link #history} of the frames {@link #await} has taken. */
    private final BitSet taken = new BitSet();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private volatile WebSocket socket;

    private RoomClient(String label) {
        this.label = label;
    }

    /** Starts describing a connection to a {@code ws://} URI. */
    static Connector to(URI uri) {
        return new Connector(uri);
    }

    /** Options of one connection; {@link #open()} makes it. */
    static final class Connector {
        private final URI uri;
        private String label;
        private InetAddress localAddress;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Connector(URI uri) {
            this.uri = uri;
            this.label = Endpoints.redact(uri);
        }

        /** A name for this client in logs and failure messages. */
        Connector as(String name) {
            this.label = name;
            return this;
        }

        /** Binds the client's socket to this local address (e.g. 127.0.0.2 to act as a client in IN). */
        Connector from(InetAddress address) {
            this.localAddress = address;
            return this;
        }

        Connector header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Opens the connection; the welcome frame (or a close) follows on its own.
         *
         * @throws HandshakeRefused when the server answers the upgrade with an HTTP error
         * @throws IOException when the connection cannot be made within 10 s
         */
        RoomClient open() throws IOException {
            RoomClient client = new RoomClient(label);
            WebSocket.Builder builder = httpClient(localAddress).newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
            headers.forEach(builder::header);
            try {
                client.socket = builder.buildAsync(uri, client.new Listener())
                        .get(CONNECT_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    throw new HandshakeRefused(uri, refused.getResponse().statusCode(), refused);
                }
                throw new IOException(label + ": cannot connect to " + Endpoints.redact(uri) + ": " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException(label + ": no handshake from " + Endpoints.redact(uri) + " within " + CONNECT_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting", e);
            }
            LOG.log(Level.FINE, "{0} connected to {1}", new Object[] {label, Endpoints.redact(uri)});
            return client;
        }

        /** Opens the connection and waits for its welcome frame (10 s). */
        RoomClient openWelcomed() throws IOException {
            RoomClient client = open();
            client.welcome();
            return client;
        }
    }

    String label() {
        return label;
    }

    /** Waits for the welcome frame and returns it. */
    JsonObject welcome() {
        return await(Frames.welcome(), CONNECT_TIMEOUT);
    }

    void send(JsonObject frame) {
        sendText(frame.toString());
    }

    /** Sends text as it is, valid JSON or not. */
    void sendText(String text) {
        WebSocket ws = socket;
        synchronized (sendLock) {
            try {
                ws.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new UncheckedIOException(new IOException(label + ": send failed: " + e.getCause(), e.getCause()));
            } catch (TimeoutException e) {
                throw new AssertionError(label + ": a send did not complete within " + SEND_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(label + ": interrupted while sending", e);
            }
        }
    }

    void join(String room) {
        send(Frames.join(room));
    }

    void leave(String room) {
        send(Frames.leave(room));
    }

    void publish(String room, String id, JsonValue data) {
        send(Frames.publish(room, id, data));
    }

    void askPresence(String room) {
        send(Frames.presenceRequest(room));
    }

    void ping() {
        send(Frames.ping());
    }

    /**
     * Waits for a frame that matches and has not been taken by an earlier call, takes it
     * and returns it. Frames that do not match stay available.
     *
     * @throws AssertionError when none comes within {@code timeout}, listing the latest frames
     */
    JsonObject await(Frames.Expect expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (history) {
            while (true) {
                for (int i = taken.nextClearBit(0); i < history.size(); i = taken.nextClearBit(i + 1)) {
                    if (expected.test().test(history.get(i))) {
                        taken.set(i);
                        return history.get(i);
                    }
                }
                waitForMore(deadline, () -> "no " + expected + " within " + timeout.toMillis() + " ms");
            }
        }
    }

    /**
     * Waits until the history holds at least {@code count} frames matching, and returns
     * all of those in arrival order. Takes nothing.
     */
    List<JsonObject> awaitCount(Frames.Expect expected, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (history) {
            while (true) {
                List<JsonObject> matching = matching(expected);
                if (matching.size() >= count) {
                    return matching;
                }
                waitForMore(deadline, () -> matching.size() + " of " + count + " " + expected + " within "
                        + timeout.toMillis() + " ms");
            }
        }
    }

    /** Every frame received so far that matches, in arrival order. */
    List<JsonObject> received(Frames.Expect expected) {
        synchronized (history) {
            return matching(expected);
        }
    }

    /** Every frame received so far, in arrival order. */
    List<JsonObject> received() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Forgets every frame received so far (for long floods whose frames are not needed). */
    void forgetReceived() {
        synchronized (history) {
            history.clear();
            taken.clear();
        }
    }

    /** Waits until the connection ends, however it ends. */
    CloseStatus awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(label + ": still open after " + timeout.toMillis() + " ms" + describeState(), e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(label + ": interrupted while waiting for the close", e);
        }
    }

    /** How the connection ended, if it has. */
    Optional<CloseStatus> closeStatus() {
        return Optional.ofNullable(closed.getNow(null));
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Closes with 1000 and waits briefly for the server's close; never throws. */
    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        try {
            if (isOpen() && !ws.isOutputClosed()) {
                synchronized (sendLock) {
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                closed.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.FINE, "{0}: no clean close: {1}", new Object[] {label, e});
        } finally {
            ws.abort();
        }
    }

    @Override
    public String toString() {
        return label;
    }

    /** Waits (holding the history's monitor) for the next frame, or fails once the deadline has passed. */
    private void waitForMore(long deadline, Supplier<String> failure) {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) {
            throw new AssertionError(label + ": " + failure.get() + describeState());
        }
        try {
            history.wait(leftMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(label + ": interrupted; " + failure.get(), e);
        }
    }

    private List<JsonObject> matching(Frames.Expect expected) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonObject frame : history) {
            if (expected.test().test(frame)) {
                result.add(frame);
            }
        }
        return result;
    }

    private String describeState() {
        List<JsonObject> all = received();
        List<JsonObject> latest = all.subList(Math.max(0, all.size() - FRAMES_IN_FAILURE), all.size());
        StringBuilder text = new StringBuilder("; ").append(all.size()).append(" frames received, latest: ");
        for (JsonObject frame : latest) {
            String shown = frame.toString();
            text.append(shown.length() > 200 ? shown.substring(0, 200) + "..." : shown).append(' ');
        }
        closeStatus().ifPresent(status -> text.append("; connection closed: ").append(status));
        return text.toString();
    }

    private void deliver(JsonObject frame) {
        synchronized (history) {
            history.add(frame);
            history.notifyAll();
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            // Kept as a frame so that a test waiting for something else fails with it in view.
            return Json.createObjectBuilder().add("type", "unparseable").add("text", text).build();
        }
    }

    private static HttpClient httpClient(InetAddress localAddress) {
        String key = localAddress == null ? "" : localAddress.getHostAddress();
        return HTTP_CLIENTS.computeIfAbsent(key, k -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
            if (localAddress != null) {
                builder.localAddress(localAddress);
            }
            return builder.build();
        });
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                deliver(parse(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last) {
                deliver(Json.createObjectBuilder().add("type", "unexpected-binary").build());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            LOG.log(Level.FINE, "{0} closed by the server: {1} {2}", new Object[] {label, statusCode, reason});
            closed.complete(new CloseStatus(statusCode, reason, null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LOG.log(Level.FINE, "{0} broken: {1}", new Object[] {label, error});
            closed.complete(new CloseStatus(CloseStatus.ABNORMAL, "", error));
        }
    }
}
