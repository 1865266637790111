package dev.arena.rooms;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The domain's state of one open connection: its member, its rooms and its publish budget. */
public final class Connection {

    private final Member member;
    private final String country;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final RateLimiter publishBudget;

    Connection(Member member, String country, RateLimiter publishBudget) {
        this.member = member;
        this.country = country;
        this.publishBudget = publishBudget;
    }

    public Member member() {
        return member;
    }

    public String user() {
        return member.user();
    }

    public String country() {
        return country;
    }

    Set<String> rooms() {
        return rooms;
    }

    boolean tryPublish(long nowNanos) {
        return publishBudget.tryAcquire(nowNanos);
    }
}
