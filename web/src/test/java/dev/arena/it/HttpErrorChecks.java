package dev.arena.it;

import static dev.arena.it.ArenaHttp.assertError;

import org.junit.jupiter.api.Test;

/** Errors the application did not choose itself still have PROTOCOL.md's JSON body (PROTOCOL.md, "Errors"). */
interface HttpErrorChecks extends DeployedArena {

    @Test
    default void anUnknownApiPathIs404Json() {
        assertError(http().get("/api/no-such-thing"), 404, "not_found");
        assertError(http().postJson("/api/no-such-thing/42", "{}"), 404, "not_found");
    }

    @Test
    default void anUnknownPathOutsideTheApiIs404JsonNotAnHtmlPage() {
        assertError(http().get("/no-such-page"), 404, "not_found");
        assertError(http().get("/deeper/no-such-page.html"), 404, "not_found");
    }

    @Test
    default void aMethodTheApiDoesNotServeIs405Json() {
        assertError(http().get("/api/sessions"), 405, "method_not_allowed");
    }
}
