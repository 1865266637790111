package dev.arena.judge.check;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Decides whether a program's output answers a test. Implementations are pure and thread-safe.
 *
 * <p>Names as used in {@code problem.json}: {@code tokens} (the default), {@code exact},
 * {@code float:<eps>} (e.g. {@code float:1e-6}).
 */
@FunctionalInterface
public interface Checker {

    boolean accepts(String expected, String actual);

    /** Whitespace-separated tokens must be equal, whatever the spacing and line breaks. */
    static Checker tokens() {
        return (expected, actual) -> Tokens.equal(expected, actual, Tokens::sameText);
    }

    /**
     * The whole text must be equal, except that CRLF counts as LF and trailing line breaks at the
     * very end are ignored (an editor or {@code println} adds one, nobody can see it).
     */
    static Checker exact() {
        return (expected, actual) -> normalizeEnd(expected).equals(normalizeEnd(actual));
    }

    /**
     * Token-wise; where the expected token is a number, the answer is accepted when its absolute
     * or relative error is at most {@code epsilon}. Other tokens must be equal.
     */
    static Checker floating(double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number >= 0: " + epsilon);
        }
        return (expected, actual) -> Tokens.equal(expected, actual,
                (want, got) -> Tokens.sameText(want, got) || Tokens.closeNumbers(want, got, epsilon));
    }

    /**
     * Parses a checker name as used in {@code problem.json}.
     *
     * @throws IllegalArgumentException on an unknown name or a malformed epsilon
     */
    static Checker named(String name) {
        String trimmed = name == null ? "tokens" : name.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("tokens")) {
            return tokens();
        }
        if (trimmed.equals("exact")) {
            return exact();
        }
        if (trimmed.startsWith("float:")) {
            try {
                return floating(new BigDecimal(trimmed.substring("float:".length())).doubleValue());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad epsilon in checker '" + name + "'", e);
            }
        }
        throw new IllegalArgumentException("unknown checker '" + name + "' (tokens, exact, float:<eps>)");
    }

    private static String normalizeEnd(String text) {
        String unified = text.replace("\r\n", "\n");
        int end = unified.length();
        while (end > 0 && unified.charAt(end - 1) == '\n') {
            end--;
        }
        return unified.substring(0, end);
    }
}
