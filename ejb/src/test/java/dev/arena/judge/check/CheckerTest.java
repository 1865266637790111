package dev.arena.judge.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {

    @Test
    void tokensIgnoreSpacingButNotContent() {
        Checker tokens = Checker.named("tokens");
        assertTrue(tokens.accepts("1 2\n3\n", "1   2 3"));
        assertTrue(tokens.accepts("", "\n\n"));
        assertFalse(tokens.accepts("1 2 3", "1 2"));
        assertFalse(tokens.accepts("1 2", "1 2 3"));
        assertFalse(tokens.accepts("1.0", "1"));
    }

    @Test
    void exactComparesLinesAndForgivesOnlyTheFinalLineBreak() {
        Checker exact = Checker.named("exact");
        assertTrue(exact.accepts("a b\nc\n", "a b\nc"));
        assertTrue(exact.accepts("a b\nc\n", "a b\r\nc\r\n"));
        assertFalse(exact.accepts("a b\nc\n", "a  b\nc\n"));
        assertFalse(exact.accepts("a b\nc\n", "a\nb\nc\n"));
        assertFalse(exact.accepts("a\n", "a \n"));
    }

    @Test
    void floatAcceptsAbsoluteOrRelativeErrorUpToEpsilon() {
        Checker floating = Checker.named("float:1e-6");
        assertTrue(floating.accepts("2.000000", "2"));
        assertTrue(floating.accepts("0.5", "0.5000009"));
        assertFalse(floating.accepts("0.5", "0.500002"));
        assertTrue(floating.accepts("1000000000", "1000000999"));
        assertFalse(floating.accepts("1.5", "nan"));
        assertFalse(floating.accepts("1.5", "0x1.8p0"));
        assertTrue(floating.accepts("yes 1.5", "yes 1.5000001"));
        assertFalse(floating.accepts("yes 1.5", "no 1.5"));
    }

    @Test
    void unknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Checker.named("fuzzy"));
        assertThrows(IllegalArgumentException.class, () -> Checker.named("float:abc"));
    }
}
