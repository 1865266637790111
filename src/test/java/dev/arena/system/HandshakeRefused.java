package dev.arena.system;

import java.io.IOException;
import java.net.URI;

/** The server answered a WebSocket upgrade with an HTTP error instead of switching protocols. */
final class HandshakeRefused extends IOException {

    private final int status;

    HandshakeRefused(URI uri, int status, Throwable cause) {
        super("handshake to " + Endpoints.redact(uri) + " refused with HTTP " + status, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
