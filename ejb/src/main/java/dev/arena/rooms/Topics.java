package dev.arena.rooms;

/** Names of broker topics: one per room, one per user (judge events and anything else addressed to a user). */
public final class Topics {

    public static final String ROOM = "room:";
    public static final String USER = "user:";

    private Topics() {
    }

    public static String room(String room) {
        return ROOM + room;
    }

    public static String user(String user) {
        return USER + user;
    }
}
