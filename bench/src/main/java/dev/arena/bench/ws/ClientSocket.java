package dev.arena.bench.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One client WebSocket on a {@link SocketLoop}. Everything it receives is handled on the loop's thread; any
 * thread may send. A send is written straight to the socket when nothing is waiting before it (the usual
 * case, and no hand-over to the loop), else queued for the loop to write when the socket can take it.
 */
public final class ClientSocket {

    /**
     * What the socket reports, always on the loop's thread. {@code data} is valid only during the call: it is
     * the loop's shared read buffer.
     */
    public interface Listener {
        void onOpen(ClientSocket socket);

        void onText(ClientSocket socket, byte[] data, int offset, int length);

        /** Called once, whoever closed: the server (its close code), the client, or a failure (1006). */
        void onClose(ClientSocket socket, int code, String reason);
    }

    private final SocketLoop loop;
    private final URI uri;
    private final Listener listener;
    final long handshakeDeadline;
    private final Handshake handshake = new Handshake();
    private final FrameReader reader = new FrameReader();
    private final FrameReader.Sink sink = new FrameReader.Sink() {
        @Override
        public void onText(byte[] data, int offset, int length) {
            listener.onText(ClientSocket.this, data, offset, length);
        }

        @Override
        public void onPing(byte[] data, int offset, int length) {
            write(Frames.masked(Frames.PONG, data, offset, length));
        }

        @Override
        public void onClose(int code, String reason) {
            // Echo the server's code (1005, "none given", must not be sent back), then let go of the socket.
            byte[] echo = code == 1005 ? new byte[0] : new byte[]{(byte) (code >>> 8), (byte) code};
            write(Frames.masked(Frames.CLOSE, echo, 0, echo.length));
            finish(code, reason);
        }
    };

    private SocketChannel channel;
    private SelectionKey key;
    /** The upgrade was accepted. Loop thread only. */
    private boolean open;

    // Guarded by this: the outbound side, shared by the loop and the senders.
    private final ArrayDeque<ByteBuffer> outbox = new ArrayDeque<>(2);
    private boolean connected;
    private boolean waitingToWrite;
    /** Set once, on the loop thread, when the socket is let go; nothing is written after. */
    private boolean finished;

    ClientSocket(SocketLoop loop, URI uri, Listener listener, long handshakeDeadline) {
        this.loop = loop;
        this.uri = uri;
        this.listener = listener;
        this.handshakeDeadline = handshakeDeadline;
    }

    /** Sends one text frame. Dropped once the socket is closed. */
    public void send(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        write(Frames.masked(Frames.TEXT, payload, 0, payload.length));
    }

    /** Closes with 1000 (the close frame is sent, the connection dropped without waiting for the answer). */
    public void close() {
        loop.execute(() -> {
            if (finished) {
                return;
            }
            if (open) {
                byte[] bye = {0x03, (byte) 0xE8, 'b', 'y', 'e'};
                write(Frames.masked(Frames.CLOSE, bye, 0, bye.length));
            }
            finish(1000, "closed by the client");
        });
    }

    // ------------------------------------------------------------------------------ loop thread ----

    void start(Selector selector) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // Frames are small and latency is what is measured: no Nagle delay.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            key = channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (done) {
                connected();
            }
        } catch (IOException e) {
            finish(1006, describe(e));
        }
    }

    void ready(int ops, ByteBuffer shared) {
        try {
            if ((ops & SelectionKey.OP_CONNECT) != 0 && channel.finishConnect()) {
                connected();
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && !finished) {
                flush();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && !finished) {
                read(shared);
            }
        } catch (FrameReader.Violation e) {
            fail(e.code, e.getMessage());
        } catch (IOException e) {
            finish(1006, describe(e));
        }
    }

    boolean handshaking() {
        return !open && !finished;
    }

    void fail(int code, String reason) {
        if (finished) {
            return;
        }
        if (open) {
            byte[] payload = {(byte) (code >>> 8), (byte) code};
            write(Frames.masked(Frames.CLOSE, payload, 0, payload.length));
        }
        finish(code, reason);
    }

    private void connected() throws IOException {
        synchronized (this) {
            connected = true;
            outbox.addFirst(handshake.request(uri));
        }
        key.interestOps(SelectionKey.OP_READ);
        flush();
    }

    private void read(ByteBuffer shared) throws IOException {
        int end = reader.fill(channel, shared);
        if (end < 0) {
            finish(1006, "connection closed without a close frame");
            return;
        }
        byte[] data = shared.array();
        int from = 0;
        if (!open) {
            int headerEnd = Handshake.headerEnd(data, 0, end);
            if (headerEnd < 0) {
                if (end > Handshake.MAX_HEADER) {
                    throw new IOException("no end of the response header in " + end + " bytes");
                }
                reader.keep(data, 0, end);
                return;
            }
            handshake.check(new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1));
            open = true;
            listener.onOpen(this);
            from = headerEnd;
        }
        reader.parse(data, from, end, sink);
    }

    private void flush() throws IOException {
        synchronized (this) {
            ByteBuffer next;
            while ((next = outbox.peekFirst()) != null) {
                channel.write(next);
                if (next.hasRemaining()) {
                    waitToWrite(true);
                    return;
                }
                outbox.pollFirst();
            }
            waitToWrite(false);
        }
    }

    /** Lets go of the socket and tells the listener, once. */
    void finish(int code, String reason) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            outbox.clear();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do with it.
            }
        }
        listener.onClose(this, code, reason);
    }

    // ------------------------------------------------------------------------------- any thread ----

    private void write(ByteBuffer frame) {
        boolean wake = false;
        synchronized (this) {
            if (finished) {
                return;
            }
            if (connected && outbox.isEmpty()) {
                try {
                    channel.write(frame);
                } catch (IOException e) {
                    String reason = describe(e);
                    loop.execute(() -> finish(1006, reason));
                    return;
                }
                if (!frame.hasRemaining()) {
                    return;
                }
            }
            outbox.addLast(frame);
            if (connected && !waitingToWrite) {
                waitToWrite(true);
                // A selector blocked in select() only sees the new interest once woken.
                wake = !loop.inLoop();
            }
        }
        if (wake) {
            loop.wakeup();
        }
    }

    /** Held: this. */
    private void waitToWrite(boolean on) {
        if (waitingToWrite != on) {
            waitingToWrite = on;
            key.interestOps(on ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public String toString() {
        return uri.getHost() + ":" + uri.getPort();
    }
}
