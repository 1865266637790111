/**
 * System tests of the rooms and the judge against a running cluster: Nginx in front of
 * three Payara Micro instances bridged by Redis, started by {@code bin/cluster up}.
 *
 * <p>The tests speak only the public contract (HTTP and WebSocket frames as in the
 * protocol document) through {@link dev.arena.system.RoomClient} and
 * {@link dev.arena.system.JudgeApi}, and disturb the cluster only through
 * {@code bin/cluster} ({@link dev.arena.system.Cluster}). They must not depend on any
 * application class: what they check is what a client can observe. Scenarios that kill
 * an instance, restart Redis or choke an instance run last (see
 * {@code junit-platform.properties}) and leave the cluster whole again.
 */
package dev.arena.system;
