/**
 * Rooms: the domain of real-time rooms spread over several instances. Plain Java: it speaks to the
 * outside only through its ports ({@link dev.arena.rooms.Broker}, {@link dev.arena.rooms.Presence} and
 * {@link dev.arena.rooms.Member}). Must not depend on Redis, WebSocket or CDI; adapters live in
 * {@code rooms.redis} and the web module.
 */
package dev.arena.rooms;
