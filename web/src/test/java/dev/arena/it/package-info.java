/**
 * Integration tests of the packaged WAR: one Payara Micro booted by Arquillian for all of them, a real Redis on
 * its own port ({@link dev.arena.it.TestRedis}), and clients that speak real HTTP and WebSockets. The checks of
 * each area live in interfaces that {@link dev.arena.it.ArenaIT} implements, so that they share that one boot.
 * Test code only: depends on the application solely through what it serves (and the token format, to mint
 * expired tokens).
 */
package dev.arena.it;
