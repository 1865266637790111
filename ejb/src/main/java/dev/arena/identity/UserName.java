package dev.arena.identity;

import java.util.regex.Pattern;

/** The rule for user names shared by sign-in, tokens and frames: 1-32 of {@code [A-Za-z0-9_-]}. */
public final class UserName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private UserName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
