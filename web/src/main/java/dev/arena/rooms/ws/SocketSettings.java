package dev.arena.rooms.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the WebSocket transport. */
@ApplicationScoped
public class SocketSettings {

    @Inject
    @ConfigProperty(name = "rooms.outbound-limit-bytes")
    long outboundLimitBytes;

    @Inject
    @ConfigProperty(name = "rooms.ping-interval-seconds")
    long pingIntervalSeconds;

    public long outboundLimitBytes() {
        return outboundLimitBytes;
    }

    /** Long enough to span several pings: the client's pongs keep a healthy socket from ever idling out. */
    public long idleTimeoutMillis() {
        return pingIntervalSeconds * 4 * 1000;
    }
}
