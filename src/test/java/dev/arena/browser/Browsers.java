package dev.arena.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers one test opens: register with {@code @RegisterExtension}. When the test fails each one
 * saves a screenshot into {@code target/screenshots/failures/}; after every test all of them are closed.
 */
final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final List<Browser> open = new CopyOnWriteArrayList<>();

    Browser open(String label) {
        return open(label, Browser.Viewport.DESKTOP);
    }

    Browser open(String label, Browser.Viewport viewport) {
        Browser browser = Browser.open(label, viewport);
        open.add(browser);
        return browser;
    }

    /** Saves the page a successful run shows as {@code target/screenshots/<name>.png}. */
    static void keep(Browser browser, String name) {
        browser.screenshotWholePage(SCREENSHOTS.resolve(name + ".png"));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String test = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        for (Browser browser : open) {
            browser.screenshot(SCREENSHOTS.resolve("failures").resolve(test + "-" + browser.label + ".png"));
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Browser browser : open) {
            browser.close();
        }
        open.clear();
    }
}
