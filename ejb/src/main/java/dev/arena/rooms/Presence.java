package dev.arena.rooms;

import java.util.List;

/**
 * Who is in which room, across all instances. Entries of an instance that stopped refreshing its
 * heartbeat are not reported and are eventually removed by {@link #reapDeadInstances()}. Thread-safe.
 */
public interface Presence {

    void add(String room, String memberId, String user) throws BrokerUnavailableException;

    void remove(String room, String memberId) throws BrokerUnavailableException;

    /** Distinct users present in the room on live instances, sorted. */
    List<String> members(String room) throws BrokerUnavailableException;

    /** Refreshes this instance's heartbeat. */
    void heartbeat() throws BrokerUnavailableException;

    /** Removes the entries of instances whose heartbeat expired and returns what was removed. */
    List<Departure> reapDeadInstances() throws BrokerUnavailableException;

    /** A user removed from a room because its instance died. */
    record Departure(String room, String user) {
    }
}
