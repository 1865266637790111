/**
 * A lean WebSocket client (RFC 6455) for the load generator: every socket on one selector thread, frames
 * parsed straight from one shared read buffer and handed on as bytes, so that the tool's CPU per
 * delivered message stays small next to the servers it measures on the same cores. Client side only,
 * text frames only, no extensions.
 */
package dev.arena.bench.ws;
