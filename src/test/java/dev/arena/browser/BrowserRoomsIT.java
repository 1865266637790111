package dev.arena.browser;

import static dev.arena.browser.UserActions.members;
import static dev.arena.browser.UserActions.openRoom;
import static dev.arena.browser.UserActions.say;
import static dev.arena.browser.UserActions.shows;
import static dev.arena.browser.UserActions.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** Two people in one room, each served by a different instance, see each other and each other's words. */
@Order(4)
class BrowserRoomsIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoBrowsersOnDifferentInstancesShareARoom() {
        List<URI> instances = Site.instances();
        assumeTrue(instances.size() >= 2, "needs two instances");
        String room = Site.unique("ui-room");
        String alice = Site.unique("alice");
        String bob = Site.unique("bob");
        Browser a = browsers.open("alice");
        Browser b = browsers.open("bob");
        signIn(a, instances.get(0), alice);
        signIn(b, instances.get(1), bob);

        String aliceInstance = openRoom(a, instances.get(0), room);
        String bobInstance = openRoom(b, instances.get(1), room);
        assertNotEquals(aliceInstance, bobInstance, "each page's socket is served by its own instance");

        a.await("alice sees bob arrive", x -> members(x).equals(List.of(alice, bob).stream().sorted().toList()));
        b.await("bob sees alice present", x -> members(x).equals(List.of(alice, bob).stream().sorted().toList()));
        assertEquals("2", a.text("presence-count"));

        say(a, "hello from alice");
        b.await("bob receives alice's message", x -> shows(x, alice, "hello from alice"));
        say(b, "hi alice, bob here");
        a.await("alice receives bob's reply", x -> shows(x, bob, "hi alice, bob here"));

        String markup = "<img src=x onerror=\"document.title='owned'\"><b>not bold</b>";
        say(b, markup);
        a.await("markup arrives as text", x -> shows(x, bob, markup));
        assertTrue(a.driver().findElement(By.id("messages")).findElements(By.cssSelector("img, b")).isEmpty(),
                "a message's markup is shown, never rendered");
        assertNotEquals("owned", a.driver().getTitle());
        Browsers.keep(a, "rooms");

        b.close();
        a.await("alice sees bob leave", x -> members(x).equals(List.of(alice)));
        a.await("a note says bob left", x -> x.all("note").stream().anyMatch(n -> n.getText().equals(bob + " left.")));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theGeoEntryCarriesSeveralRoomsOverOneSocket() {
        Browser browser = browsers.open("geo");
        String name = Site.unique("geo");
        String first = Site.unique("ui-geo-a");
        String second = Site.unique("ui-geo-b");
        signIn(browser, Site.front(), name);
        browser.go(Site.page(Site.front(), "rooms.html?entry=geo&room=" + first));
        UserActions.awaitConnected(browser);
        assertEquals("geo", new org.openqa.selenium.support.ui.Select(browser.find("entry-select"))
                .getFirstSelectedOption().getDomAttribute("value"));

        browser.find("room-input").sendKeys(second, org.openqa.selenium.Keys.ENTER);
        browser.await("a tab per room", b -> b.all("room-tab").size() == 2);
        assertEquals(second, browser.text("room-title"));
        browser.await("present in the second room", b -> members(b).equals(List.of(name)));
        say(browser, "in the second room");
        browser.await("the message shows in the second room", b -> shows(b, name, "in the second room"));

        browser.all("room-tab").getFirst().click();
        assertEquals(first, browser.text("room-title"));
        assertFalse(shows(browser, name, "in the second room"), "each room shows its own messages");
        assertEquals("0", browser.text("reconnect-count"), "one socket, never reconnected");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRoomIsUsableOnAPhone() {
        Browser phone = browsers.open("phone", Browser.Viewport.PHONE);
        String name = Site.unique("phone");
        signIn(phone, Site.front(), name);
        openRoom(phone, Site.front(), Site.unique("ui-phone"));
        say(phone, "typed on a small screen");
        phone.await("own message shown", x -> shows(x, name, "typed on a small screen"));
        Object overflow = phone.script("return document.documentElement.scrollWidth > window.innerWidth;");
        assertEquals(Boolean.FALSE, overflow, "nothing sticks out sideways on a phone");
        Browsers.keep(phone, "rooms-phone");
    }
}
