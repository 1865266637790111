package dev.arena.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One WebSocket connection to the rooms endpoint. Text frames are parsed and queued in arrival order; the test
 * reads them with deadlines. How the connection ended (close code and reason) is kept as well. Frames arrive on
 * the HTTP client's threads; one test thread sends and reads.
 */
final class SocketClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** How the server ended the connection. */
    record Closing(int code, String reason) {
    }

    /** The server refused the upgrade with an HTTP status. */
    static final class Refused extends IOException {
        final int status;

        Refused(int status, Throwable cause) {
            super("WebSocket handshake refused with HTTP " + status, cause);
            this.status = status;
        }
    }

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    /** Frames received that {@link #await} passed over; read by the test thread only. */
    private final Deque<JsonObject> held = new ArrayDeque<>();
    private final CompletableFuture<Closing> closing = new CompletableFuture<>();
    private final String label;
    private WebSocket socket;

    private SocketClient(String label) {
        this.label = label;
    }

    static SocketClient open(URI uri) throws IOException {
        SocketClient client = new SocketClient(uri.getPath() + "?" + redact(uri.getRawQuery()));
        try {
            client.socket = CLIENT.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(uri, client.new Listener())
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode(), refused);
            }
            throw new IOException("cannot connect to " + client.label + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no handshake from " + client.label + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return client;
    }

    void send(String text) {
        try {
            socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(label + ": could not send " + JsonText.abbreviate(text), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends frames back to back (each as soon as the previous one is written) and waits until all are sent. */
    void sendAll(List<String> texts) {
        CompletableFuture<WebSocket> sent = CompletableFuture.completedFuture(socket);
        for (String text : texts) {
            sent = sent.thenCompose(ws -> ws.sendText(text, true));
        }
        try {
            sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(label + ": could not send " + texts.size() + " frames", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends without waiting for the send to complete, for a server that may close the connection meanwhile. */
    CompletableFuture<WebSocket> sendUnawaited(String text) {
        return socket.sendText(text, true);
    }

    /** The next frame, whatever it is. */
    JsonObject next() {
        if (!held.isEmpty()) {
            return held.removeFirst();
        }
        JsonObject frame = poll(TIMEOUT.toNanos());
        if (frame == null) {
            throw new AssertionError(label + ": no frame within " + TIMEOUT + (closing.isDone()
                    ? "; the connection was closed: " + closing.getNow(null) : ""));
        }
        return frame;
    }

    /** The first frame that matches; frames before it stay unread, in order. */
    JsonObject await(Predicate<JsonObject> wanted, String description) {
        for (Iterator<JsonObject> earlier = held.iterator(); earlier.hasNext(); ) {
            JsonObject frame = earlier.next();
            if (wanted.test(frame)) {
                earlier.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonObject frame = poll(deadline - System.nanoTime());
            if (frame == null) {
                throw new AssertionError(label + ": no " + description + " within " + TIMEOUT + "; unread: "
                        + JsonText.abbreviate(held.toString()));
            }
            if (wanted.test(frame)) {
                return frame;
            }
            held.addLast(frame);
        }
    }

    JsonObject awaitType(String type) {
        return await(frame -> type.equals(frame.getString("type", null)), "'" + type + "' frame");
    }

    /** How the server closed the connection; fails if it does not within the timeout. */
    Closing awaitClosing() {
        try {
            return closing.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(label + ": the connection broke instead of closing", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(label + ": still open after " + TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Frames received and not read yet. */
    int unread() {
        return held.size() + frames.size();
    }

    private JsonObject poll(long timeoutNanos) {
        try {
            return frames.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Closes normally and waits briefly for the server's answer, so that the server has seen the close. */
    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            closing.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Ended some other way; the abort below releases it either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.abort();
        }
    }

    private static String redact(String query) {
        return query == null ? "" : query.replaceAll("token=[^&]*", "token=...");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JsonText.object(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closing.complete(new Closing(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closing.completeExceptionally(error);
        }
    }
}
