/**
 * Load generator and measurements of Arena against a Socket.IO peer: room fan-out, idle connections,
 * the judge end to end, the sandbox's per-run cost and the job queue. A standalone program run by
 * {@code bin/bench} in its own JVM; it may depend on the product's engine classes (arena-ejb) and the JDK,
 * and nothing in the product depends on it.
 */
package dev.arena.bench;
