package dev.arena.judge.check;

import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/** Token scanning shared by the token-based checkers; walks both texts without splitting them into arrays. */
final class Tokens {

    // Double.parseDouble alone would also take "0x1p3", "Infinity" or "1.5d", which no answer means.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Tokens() {
    }

    static boolean equal(String expected, String actual, BiPredicate<String, String> sameToken) {
        int e = 0;
        int a = 0;
        while (true) {
            e = skipSpace(expected, e);
            a = skipSpace(actual, a);
            boolean expectedDone = e >= expected.length();
            boolean actualDone = a >= actual.length();
            if (expectedDone || actualDone) {
                return expectedDone && actualDone;
            }
            int eEnd = tokenEnd(expected, e);
            int aEnd = tokenEnd(actual, a);
            if (!sameToken.test(expected.substring(e, eEnd), actual.substring(a, aEnd))) {
                return false;
            }
            e = eEnd;
            a = aEnd;
        }
    }

    static boolean sameText(String want, String got) {
        return want.equals(got);
    }

    static boolean closeNumbers(String want, String got, double epsilon) {
        if (!DECIMAL.matcher(want).matches() || !DECIMAL.matcher(got).matches()) {
            return false;
        }
        double expected;
        double actual;
        try {
            expected = Double.parseDouble(want);
            actual = Double.parseDouble(got);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(actual)) {
            return false;
        }
        double error = Math.abs(expected - actual);
        // A tiny slack absorbs the rounding of the decimal epsilon itself (1e-6 is not exact in binary).
        double allowed = epsilon * (1 + 1e-9) + 1e-15;
        return error <= allowed || error <= allowed * Math.abs(expected);
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B;
    }
}
