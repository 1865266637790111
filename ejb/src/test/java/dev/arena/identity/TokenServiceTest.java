package dev.arena.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenServiceTest {

    private static final String SECRET = "a-test-secret-of-enough-length";
    private static final Duration TTL = Duration.ofHours(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final MovableClock clock = new MovableClock(Instant.parse("2031-05-01T10:00:00Z"));
    private final TokenService tokens = new TokenService(SECRET, TTL, clock);

    @Test
    void aTokenNamesTheUserItWasIssuedFor() {
        assertEquals(Optional.of("alice"), tokens.verify(tokens.issue("alice")));
        assertEquals(Optional.of("Bob_the-2nd"), tokens.verify(tokens.issue("Bob_the-2nd")));
    }

    @Test
    void anotherServiceWithTheSameSecretAcceptsIt() {
        TokenService otherInstance = new TokenService(SECRET, TTL, clock);

        assertEquals(Optional.of("alice"), otherInstance.verify(tokens.issue("alice")));
    }

    @Test
    void aTokenFromAnotherSecretIsRefused() {
        TokenService elsewhere = new TokenService("another-secret-of-enough-length", TTL, clock);

        assertEquals(Optional.empty(), tokens.verify(elsewhere.issue("alice")));
    }

    @Test
    void aForgedSignatureIsRefused() {
        String token = tokens.issue("alice");
        String payload = token.substring(0, token.indexOf('.'));
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
        signature[0] ^= 1;

        assertEquals(Optional.empty(), tokens.verify(payload + "." + BASE64URL.encodeToString(signature)));
        assertEquals(Optional.empty(), tokens.verify(payload + "." + BASE64URL.encodeToString(new byte[32])));
        assertEquals(Optional.empty(), tokens.verify(payload + "."));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = tokens.issue("alice");
        String signature = token.substring(token.indexOf('.') + 1);
        long expiry = clock.instant().plus(TTL).getEpochSecond();

        assertEquals(Optional.empty(), tokens.verify(payload("mallory." + expiry) + "." + signature));
        assertEquals(Optional.empty(), tokens.verify(payload("alice." + (expiry + 86_400)) + "." + signature));
    }

    @Test
    void aTokenExpiresAfterItsTimeToLive() {
        String token = tokens.issue("alice");

        clock.advance(TTL.minusSeconds(1));
        assertEquals(Optional.of("alice"), tokens.verify(token));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tokens.verify(token));
        clock.advance(Duration.ofDays(1));
        assertEquals(Optional.empty(), tokens.verify(token));
    }

    @Test
    void tokensIssuedLaterCarryALaterExpiry() {
        String first = tokens.issue("alice");
        clock.advance(Duration.ofSeconds(5));

        assertNotEquals(first, tokens.issue("alice"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "abc", "a.b.c", "%%%.###", "YWxpY2U", "YWxpY2U.", ".c2ln", "a b.c d", "..."})
    void garbageIsRefused(String garbage) {
        assertEquals(Optional.empty(), tokens.verify(garbage));
    }

    @Test
    void anOverlongTokenIsRefusedUnread() {
        assertEquals(Optional.empty(), tokens.verify("a".repeat(600) + "." + "b".repeat(43)));
    }

    /** Correctly signed, so only the checks of the claims themselves can refuse these. */
    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice.", "alice.soon", ".1999999999", "not a name.1999999999",
            "alice.-1", "alice.99999999999999999999"})
    void signedButMalformedClaimsAreRefused(String claims) {
        assertEquals(Optional.empty(), tokens.verify(signed(claims)));
    }

    @Test
    void signedWellFormedClaimsAreAccepted() {
        long expiry = clock.instant().plusSeconds(60).getEpochSecond();

        assertEquals(Optional.of("alice"), tokens.verify(signed("alice." + expiry)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "alice!", "ålice", "a.b", "toolong-toolong-toolong-toolong-x", "<script>"})
    void invalidNamesAreRefusedAtIssue(String name) {
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(name));
    }

    @Test
    void namesOfThirtyTwoCharactersAreAccepted() {
        String name = "abcdefghijklmnopqrstuvwxyz-_0123";

        assertEquals(Optional.of(name), tokens.verify(tokens.issue(name)));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenService("short", TTL, clock));
        assertThrows(IllegalArgumentException.class, () -> new TokenService(null, TTL, clock));
    }

    private static String payload(String claims) {
        return BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(String claims) {
        try {
            String payload = payload(claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return payload + "." + BASE64URL.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock has one zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
