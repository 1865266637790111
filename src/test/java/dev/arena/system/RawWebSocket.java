package dev.arena.system;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A WebSocket client made by hand on a plain socket, so that the test decides when (and
 * whether) anything is read: a client that stops reading is one whose socket nobody
 * reads. {@link java.net.http.WebSocket} cannot do this, since it always drains its
 * socket into its own buffers.
 */
final class RawWebSocket implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a drained connection ended: the server's close frame if one came, and how much was read. */
    record Ending(Optional<Integer> closeCode, String closeReason, long bytesRead, boolean endOfStream) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to a {@code ws://} URI with the given socket receive buffer and completes
     * the opening handshake, reading exactly the response headers and nothing after them.
     *
     * @throws IOException when the server does not switch protocols
     */
    static RawWebSocket open(URI uri, int receiveBufferBytes, Duration timeout) throws IOException {
        Socket socket = new Socket();
        boolean opened = false;
        try {
            // Set before connecting, so that the window announced in the handshake is small.
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            RawWebSocket ws = new RawWebSocket(socket);
            ws.handshake(uri);
            opened = true;
            return ws;
        } finally {
            if (!opened) {
                socket.close();
            }
        }
    }

    /** Sends one masked text frame, as clients must. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Reads everything the server sent until its close frame or the end of the stream,
     * whichever comes first, within {@code timeout}.
     *
     * @throws SocketTimeoutException when neither comes in time
     */
    Ending drainUntilClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long bytesRead = 0;
        try {
            while (true) {
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    throw new SocketTimeoutException("neither a close frame nor the end of the stream within "
                            + timeout.toSeconds() + " s (" + bytesRead + " bytes read)");
                }
                socket.setSoTimeout((int) Math.max(1, left));
                int first = readByte();
                int second = readByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = ((long) readByte() << 8) | readByte();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | readByte();
                    }
                }
                byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
                bytesRead += 2 + length;
                if ((first & 0x0F) == 0x8) {
                    byte[] payload = readFully((int) length);
                    if (mask != null) {
                        for (int i = 0; i < payload.length; i++) {
                            payload[i] ^= mask[i % 4];
                        }
                    }
                    Optional<Integer> code = payload.length >= 2
                            ? Optional.of(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF))
                            : Optional.empty();
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                            : "";
                    return new Ending(code, reason, bytesRead, false);
                }
                skip(length);
            }
        } catch (EOFException e) {
            return new Ending(Optional.empty(), "", bytesRead, true);
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException) {
                throw e;
            }
            // A reset is also an end: the server dropped the connection without a close frame.
            return new Ending(Optional.empty(), "reset: " + e.getMessage(), bytesRead, true);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void handshake(URI uri) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String response = readHeaders();
        String statusLine = response.lines().findFirst().orElse("");
        if (!statusLine.matches("HTTP/1\\.1 101( .*)?")) {
            throw new IOException("handshake refused: " + statusLine);
        }
        String expectedAccept = accept(key);
        boolean accepted = response.lines()
                .anyMatch(line -> line.toLowerCase().startsWith("sec-websocket-accept:")
                        && line.substring(line.indexOf(':') + 1).strip().equals(expectedAccept));
        if (!accepted) {
            throw new IOException("handshake without the expected Sec-WebSocket-Accept: " + response);
        }
    }

    /** Reads one byte at a time up to the blank line, so that no frame byte is consumed. */
    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = readByte();
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (headers.size() > MAX_HEADER_BYTES) {
                throw new IOException("handshake response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        return headers.toString(StandardCharsets.ISO_8859_1);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private byte[] readFully(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        return bytes;
    }

    private void skip(long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
        }
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
