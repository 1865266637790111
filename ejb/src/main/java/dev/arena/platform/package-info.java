/**
 * What every feature shares: this instance's identity and configuration.
 * Must not depend on any feature package.
 */
package dev.arena.platform;
