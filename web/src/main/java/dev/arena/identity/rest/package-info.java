/** The REST edge of identity: signing in. Depends on {@code identity} and the shared REST platform. */
package dev.arena.identity.rest;
