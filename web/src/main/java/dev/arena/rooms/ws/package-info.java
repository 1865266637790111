/**
 * The WebSocket transport of rooms: the endpoint at {@code /ws} and {@code /ws/geo}, and the bounded outbound
 * queue behind each socket. Knows the rooms domain and identity; holds no room logic of its own.
 */
package dev.arena.rooms.ws;
