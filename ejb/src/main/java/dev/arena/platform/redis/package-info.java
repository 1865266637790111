/**
 * Connections to Redis, shared by the features' Redis adapters: a pooled client for commands and
 * dedicated connections for subscribers, every key and channel under one configurable prefix.
 * Must not depend on any feature package.
 */
package dev.arena.platform.redis;
