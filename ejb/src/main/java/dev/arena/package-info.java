/**
 * Arena: real-time rooms and a code judge on a cluster of application-server instances.
 * Features live in sub-packages ({@code rooms}, {@code identity}, {@code judge}, {@code platform}).
 */
package dev.arena;
