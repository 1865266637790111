package dev.arena.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * One client WebSocket. Whole text frames are handed to {@code onFrame} on the HTTP client's few threads;
 * sends are queued because the JDK WebSocket allows one outstanding send at a time.
 */
final class Conn implements WebSocket.Listener {

    final int index;
    final Wire wire;
    final CompletableFuture<Conn> ready = new CompletableFuture<>();
    final CompletableFuture<Conn> closed = new CompletableFuture<>();
    private final BiConsumer<Conn, Wire.Incoming> onFrame;
    private final StringBuilder partial = new StringBuilder();
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private boolean sending;
    volatile WebSocket socket;
    /** Receiver state of the fan-out: the next sequence number expected from the room's publisher. */
    long nextSeq;
    long received;
    long outOfOrder;

    Conn(int index, Wire wire, BiConsumer<Conn, Wire.Incoming> onFrame) {
        this.index = index;
        this.wire = wire;
        this.onFrame = onFrame;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String text;
        if (!last) {
            partial.append(data);
            return null;
        }
        if (partial.isEmpty()) {
            text = data.toString();
        } else {
            text = partial.append(data).toString();
            partial.setLength(0);
        }
        String reply = wire.reply(text);
        if (reply != null) {
            send(reply);
        }
        Wire.Incoming incoming = wire.read(text);
        if (incoming.kind() == Wire.Kind.READY) {
            ready.complete(this);
        }
        onFrame.accept(this, incoming);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(this);
        ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(this);
        ready.completeExceptionally(error);
    }

    void send(String text) {
        synchronized (outbox) {
            if (sending) {
                outbox.add(text);
                return;
            }
            sending = true;
        }
        transmit(text);
    }

    private void transmit(String text) {
        socket.sendText(text, true).whenComplete((ws, error) -> {
            String next;
            synchronized (outbox) {
                next = error == null ? outbox.poll() : null;
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            transmit(next);
        });
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (ws != null) {
            ws.abort();
        }
    }
}
