package dev.arena.bench.ws;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    @Test
    void acceptValueOfTheRfcExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Handshake.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void requestAndAnswer() {
        Handshake handshake = new Handshake();
        String request = StandardCharsets.ISO_8859_1.decode(
                handshake.request(URI.create("ws://127.0.0.1:8481/ws?room=r1&token=abc"))).toString();
        assertTrue(request.startsWith("GET /ws?room=r1&token=abc HTTP/1.1\r\nHost: 127.0.0.1:8481\r\n"), request);
        assertTrue(request.endsWith("Sec-WebSocket-Version: 13\r\n\r\n"), request);
        Matcher key = Pattern.compile("Sec-WebSocket-Key: (\\S+)\r\n").matcher(request);
        assertTrue(key.find());

        String ok = "HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + Handshake.accept(key.group(1)) + "\r\n\r\n";
        assertDoesNotThrow(() -> handshake.check(ok));
        byte[] bytes = (ok + "\u0081\u0001x").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(ok.length(), Handshake.headerEnd(bytes, 0, bytes.length));
        assertEquals(-1, Handshake.headerEnd(bytes, 0, ok.length() - 1));

        assertThrows(IOException.class, () -> handshake.check(ok.replace(Handshake.accept(key.group(1)), "nope")));
        assertThrows(IOException.class, () -> handshake.check("HTTP/1.1 400 Bad Request\r\n\r\n"));
    }
}
