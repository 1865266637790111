package dev.arena.browser;

import static dev.arena.browser.UserActions.connectedInstance;
import static dev.arena.browser.UserActions.members;
import static dev.arena.browser.UserActions.openRoom;
import static dev.arena.browser.UserActions.recordAttribute;
import static dev.arena.browser.UserActions.recorded;
import static dev.arena.browser.UserActions.say;
import static dev.arena.browser.UserActions.shows;
import static dev.arena.browser.UserActions.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The instance serving a room is killed: a page connected through the front shows the drop, reconnects
 * to the room's new instance and keeps chatting; a page bound to the dead instance's own port shows that
 * it is reconnecting until the instance is back, then rejoins. Leaves the cluster whole again.
 */
@Order(5)
class BrowserReconnectIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void killingTheServingInstanceShowsTheReconnectAndTheChatGoesOn() {
        assumeTrue(Site.instances().size() >= 2, "needs an instance to fail over to");
        String room = Site.unique("ui-failover");
        String alice = Site.unique("alice");
        String bob = Site.unique("bob");
        Browser a = browsers.open("alice");
        Browser b = browsers.open("bob");
        signIn(a, Site.front(), alice);
        String victim = openRoom(a, Site.front(), room);
        signIn(b, Site.instance(victim), bob);
        assertEquals(victim, openRoom(b, Site.instance(victim), room), "bob is on the room's instance's own port");
        a.await("both present", x -> members(x).size() == 2);
        recordAttribute(a, "states", "connection", "data-state");

        try {
            ClusterControl.kill(victim);

            String survivor = a.await("alice reconnected to another instance", Duration.ofSeconds(60),
                    x -> {
                        String now = connectedInstance(x);
                        return victim.equals(now) ? null : now;
                    });
            assertNotEquals(victim, survivor);
            assertTrue(recorded(a, "states").contains("reconnecting"), "the drop was shown: " + recorded(a, "states"));
            a.await("the reconnect is counted", x -> "1".equals(x.text("reconnect-count")));
            // textContent, not the rendered text: the note may sit outside the scrolled part of the list.
            String note = a.await("a note names the new instance", x -> x.all("note").stream()
                    .map(n -> n.getDomProperty("textContent"))
                    .filter(text -> text.startsWith("Reconnected (now served by "))
                    .findFirst().orElse(null));
            assertNotEquals("Reconnected (now served by " + victim + ").", note);
            assertEquals("Reconnected (now served by " + connectedInstance(a) + ").", note);

            b.await("bob's page shows it is reconnecting", x -> "reconnecting".equals(x.attribute("connection", "data-state")));
            assertTrue(b.text("connection-text").startsWith("Connection lost. Reconnecting"), b.text("connection-text"));
            Browsers.keep(b, "rooms-reconnecting");

            say(a, "still here after the failover");
            a.await("alice's message goes through the new instance", x -> shows(x, alice, "still here after the failover"));
            Browsers.keep(a, "rooms-after-failover");
        } finally {
            ClusterControl.start(victim);
        }

        b.await("bob is back on the restarted instance", Duration.ofSeconds(60), x -> victim.equals(connectedInstance(x)));
        a.await("alice sees bob again", x -> members(x).equals(List.of(alice, bob).stream().sorted().toList()));
        say(a, "welcome back, bob");
        b.await("bob hears alice across instances again", x -> shows(x, alice, "welcome back, bob"));
    }
}
