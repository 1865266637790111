/**
 * The WebSocket edge of the judge: submission events relayed to the owner's sockets on every instance through
 * the rooms' user topics. Observes judge events; holds no judging logic.
 */
package dev.arena.judge.ws;
