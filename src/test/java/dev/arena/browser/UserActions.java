package dev.arena.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What a user does on the pages, in the words of the pages' elements. */
final class UserActions {

    private UserActions() {
    }

    /** Signs in on the given site (the front or one instance) by typing the name and pressing Enter. */
    static void signIn(Browser browser, URI base, String name) {
        browser.go(Site.page(base, "index.html"));
        WebElement input = browser.find("name-input");
        input.clear();
        input.sendKeys(name, Keys.ENTER);
        browser.await("signed in as " + name, b -> name.equals(b.text("signed-in-name")));
    }

    /** Opens the rooms page in {@code room} and waits until the socket is open and welcomed. */
    static String openRoom(Browser browser, URI base, String room) {
        browser.go(Site.page(base, "rooms.html?room=" + URLEncoder.encode(room, StandardCharsets.UTF_8)));
        return awaitConnected(browser);
    }

    /** Waits for the connection indicator to say open and returns the instance it names. */
    static String awaitConnected(Browser browser) {
        return browser.await("connected", UserActions::connectedInstance);
    }

    /** The instance the connection indicator names while it says open, else null. */
    static String connectedInstance(Browser browser) {
        return "open".equals(browser.attribute("connection", "data-state")) && !"-".equals(browser.text("instance"))
                ? browser.text("instance") : null;
    }

    static void say(Browser browser, String text) {
        WebElement input = browser.find("message-input");
        input.sendKeys(text, Keys.ENTER);
        browser.await("the message box emptied after Enter", b -> b.find("message-input").getDomProperty("value").isEmpty());
    }

    /** The messages shown, each as {@code from: text}. */
    static List<String> messages(Browser browser) {
        return browser.all("message").stream().map(m -> m.findElement(Browser.testId("message-from")).getText()
                + ": " + m.findElement(Browser.testId("message-text")).getText()).toList();
    }

    static boolean shows(Browser browser, String from, String text) {
        return messages(browser).contains(from + ": " + text);
    }

    /** The members listed as present, without the "(you)" mark. */
    static List<String> members(Browser browser) {
        return browser.all("member").stream().map(m -> m.getText().replace(" (you)", "")).sorted().toList();
    }

    /**
     * Records every value the attribute {@code name} of the element {@code testId} takes from now on, into
     * {@code window.__seen[key]}: states can pass faster than any poll.
     */
    static void recordAttribute(Browser browser, String key, String testId, String name) {
        browser.script("""
                const [key, testId, name] = arguments;
                window.__seen = window.__seen || {};
                const seen = window.__seen[key] = [];
                const node = document.querySelector(`[data-testid='${testId}']`);
                seen.push(node.getAttribute(name));
                // One callback may carry several changes made in one task: each change's old value is the value
                // set by the change before it, so no value shown only briefly is lost.
                new MutationObserver((changes) => {
                    changes.slice(1).forEach((change) => seen.push(change.oldValue));
                    seen.push(node.getAttribute(name));
                }).observe(node, { attributes: true, attributeFilter: [name], attributeOldValue: true });
                """, key, testId, name);
    }

    /** Records every text the element {@code testId} shows from now on into {@code window.__seen[key]}. */
    static void recordText(Browser browser, String key, String testId) {
        browser.script("""
                const [key, testId] = arguments;
                window.__seen = window.__seen || {};
                const seen = window.__seen[key] = [];
                const node = document.querySelector(`[data-testid='${testId}']`);
                new MutationObserver(() => seen.push(node.textContent))
                    .observe(node, { childList: true, subtree: true, characterData: true });
                """, key, testId);
    }

    @SuppressWarnings("unchecked")
    static List<String> recorded(Browser browser, String key) {
        Object values = browser.script("return (window.__seen && window.__seen[arguments[0]]) || [];", key);
        return ((List<Object>) values).stream().map(String::valueOf).toList();
    }
}
