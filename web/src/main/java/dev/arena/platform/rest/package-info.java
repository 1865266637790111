/**
 * The HTTP edge shared by every feature: the JAX-RS application under {@code /api}, the one JSON error shape
 * of PROTOCOL.md, bearer-token authentication, health and metrics. Knows features only to report on them.
 */
package dev.arena.platform.rest;
