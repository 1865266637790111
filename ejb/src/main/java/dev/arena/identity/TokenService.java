package dev.arena.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies bearer tokens: {@code base64url(user "." expiryEpochSeconds) "." base64url(HMAC-SHA256)}.
 * Every instance holds the same secret, so a token issued by one is accepted by all; nothing is stored.
 * Thread-safe.
 */
public final class TokenService {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    public TokenService(String secret, Duration ttl, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("token.secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.ttl = ttl;
        this.clock = clock;
    }

    public String issue(String user) {
        if (!UserName.isValid(user)) {
            throw new IllegalArgumentException("invalid user name");
        }
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String payload = ENCODER.encodeToString((user + "." + expiry).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The user a token names, if its signature is ours and it has not expired. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            // Constant-time comparison: a forger learns nothing from how long the check took.
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String claims = new String(DECODER.decode(payload), StandardCharsets.UTF_8);
            int sep = claims.lastIndexOf('.');
            String user = claims.substring(0, Math.max(sep, 0));
            long expiry = Long.parseLong(claims.substring(sep + 1));
            if (!UserName.isValid(user) || clock.instant().getEpochSecond() >= expiry) {
                return Optional.empty();
            }
            return Optional.of(user);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
