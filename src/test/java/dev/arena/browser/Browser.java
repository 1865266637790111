package dev.arena.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with a fresh profile, driven through Debian's chromedriver. The binaries can be
 * moved with {@code -Dchrome.binary=...} and {@code -Dchromedriver.binary=...}.
 */
final class Browser implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Browser.class.getName());
    private static final String CHROME = System.getProperty("chrome.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    private static final Path PROFILES = Path.of("target", "browser-profiles");
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    /** A window size: a desktop one and a phone one (CSS pixels). */
    enum Viewport {
        DESKTOP(1280, 900), PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    final String label;
    private final Viewport viewport;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(String label, Viewport viewport, Path profile, ChromeDriver driver) {
        this.label = label;
        this.viewport = viewport;
        this.profile = profile;
        this.driver = driver;
    }

    static Browser open(String label, Viewport viewport) {
        for (String binary : List.of(CHROME, DRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new AssertionError(binary + " is missing; as root run: apt-get install -y chromium chromium-driver");
            }
        }
        Path profile;
        try {
            Files.createDirectories(PROFILES);
            profile = Files.createTempDirectory(PROFILES.toAbsolutePath(), label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROME);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + viewport.width + "," + viewport.height);
        if (viewport == Viewport.PHONE) {
            // A headless window has a minimum width; device emulation gives the page a true phone viewport.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", viewport.width, "height", viewport.height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(label, viewport, profile, driver);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String url) {
        driver.get(url);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement find(String testId) {
        return driver.findElement(testId(testId));
    }

    List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    String text(String testId) {
        return find(testId).getText();
    }

    String attribute(String testId, String name) {
        return find(testId).getDomAttribute(name);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until {@code condition} returns a non-null, non-false value, and returns it. */
    <T> T await(String what, Duration timeout, Function<Browser, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> label + ": " + what);
        return wait.until(d -> condition.apply(this));
    }

    <T> T await(String what, Function<Browser, T> condition) {
        return await(what, DEFAULT_WAIT, condition);
    }

    /**
     * Saves a PNG of the whole page: a desktop window is stretched to the page's height for the shot, so
     * that what lies below the fold (a verdict, a long list) is in the picture too.
     */
    void screenshotWholePage(Path file) {
        if (viewport == Viewport.PHONE) {
            screenshot(file);
            return;
        }
        Dimension before = driver.manage().window().getSize();
        try {
            script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
            // A taller window can change the layout (and so the height) once more: measure until it settles.
            for (int i = 0; i < 3; i++) {
                long page = ((Number) script("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
                long shown = ((Number) script("return window.innerHeight;")).longValue();
                if (page <= shown || shown >= 4000) {
                    break;
                }
                int frame = driver.manage().window().getSize().getHeight() - (int) shown;
                driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(4000, page) + frame));
            }
            screenshot(file);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Saves a PNG of what the browser shows now. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(png, file, StandardCopyOption.REPLACE_EXISTING);
            LOG.log(Level.INFO, "{0}: screenshot {1}", new Object[]{label, file});
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: no screenshot: {1}", new Object[]{label, e.toString()});
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "{0}: quit failed: {1}", new Object[]{label, e.toString()});
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.FINE, "{0}: profile left at {1}", new Object[]{label, profile});
        }
    }
}
