package dev.arena.rooms;

import java.time.Duration;

/**
 * Per-connection limits.
 *
 * @param maxRoomsPerConnection rooms one connection may be in at once
 * @param publishRate publishes per second per connection, sustained
 * @param publishBurst publishes a connection may make at once before the rate applies
 * @param joinTimeout how long a join waits for the broker to confirm the room's subscription
 */
public record RoomLimits(int maxRoomsPerConnection, double publishRate, double publishBurst, Duration joinTimeout) {

    public static RoomLimits defaults() {
        return new RoomLimits(100, 100, 200, Duration.ofSeconds(3));
    }
}
