/**
 * Redis adapters of the rooms domain: Pub/Sub as the {@link dev.arena.rooms.Broker}, hashes with instance
 * heartbeats as {@link dev.arena.rooms.Presence}, and the CDI wiring that starts them with the application.
 * Depends on the domain and on {@code platform}; never on transports.
 */
package dev.arena.rooms.redis;
