/**
 * Who is calling: user names and the signed tokens that carry them.
 * Plain Java apart from the CDI producer; must not depend on transports (REST, WebSocket) or Redis.
 */
package dev.arena.identity;
