/**
 * Submissions: their records in Redis, the rules for accepting one, and the status events pushed to their
 * owners. Uses the engine's result types and the queue; must not depend on transports (REST, WebSocket).
 */
package dev.arena.judge.submission;
