package dev.arena.rooms;

import java.util.regex.Pattern;

/** The rule for room names: 1-64 of {@code [A-Za-z0-9_-]}, safe to embed in keys, channels and JSON as is. */
public final class RoomName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RoomName() {
    }

    public static boolean isValid(String room) {
        return room != null && VALID.matcher(room).matches();
    }
}
