package dev.arena.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the one {@link TokenService} of this instance from configuration. */
@ApplicationScoped
class TokenServiceProducer {

    @Produces
    @Singleton
    TokenService tokenService(@ConfigProperty(name = "token.secret") String secret,
                              @ConfigProperty(name = "token.ttl-seconds") long ttlSeconds) {
        return new TokenService(secret, Duration.ofSeconds(ttlSeconds), Clock.systemUTC());
    }
}
