package dev.arena.bench;

import dev.arena.bench.ws.ClientSocket;
import dev.arena.bench.ws.SocketLoop;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One client of a system under test: a socket speaking its {@link Wire}. Frames reach the receiver as bytes on
 * the socket loop's thread, one at a time; the wire's replies (Engine.IO's connect and pongs) are sent on the
 * spot.
 */
final class Conn implements ClientSocket.Listener {

    /** Gets every text frame; {@code data} is valid only during the call. */
    interface Receiver {
        void onFrame(Conn conn, Wire.Kind kind, byte[] data, int offset, int length);
    }

    final int index;
    final Wire wire;
    final CompletableFuture<Conn> ready = new CompletableFuture<>();
    final CompletableFuture<Conn> closed = new CompletableFuture<>();
    private final Receiver receiver;
    private volatile ClientSocket socket;
    /** Receiver state of the fan-out: the next sequence number expected from the room's publisher. */
    long nextSeq;
    long outOfOrder;

    Conn(int index, Wire wire, Receiver receiver) {
        this.index = index;
        this.wire = wire;
        this.receiver = receiver;
    }

    void connect(SocketLoop loop, URI uri) {
        socket = loop.connect(uri, this);
    }

    @Override
    public void onOpen(ClientSocket socket) {
        // Ready only once the protocol says so (Arena's welcome, Socket.IO's namespace connect).
    }

    @Override
    public void onText(ClientSocket socket, byte[] data, int offset, int length) {
        String reply = wire.reply(data, offset, length);
        if (reply != null) {
            socket.send(reply);
        }
        Wire.Kind kind = wire.kind(data, offset, length);
        if (kind == Wire.Kind.READY) {
            ready.complete(this);
        }
        receiver.onFrame(this, kind, data, offset, length);
    }

    @Override
    public void onClose(ClientSocket socket, int code, String reason) {
        closed.complete(this);
        ready.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
    }

    void send(String text) {
        socket.send(text);
    }

    void close() {
        ClientSocket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
