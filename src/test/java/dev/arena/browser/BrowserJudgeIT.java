package dev.arena.browser;

import static dev.arena.browser.UserActions.recordAttribute;
import static dev.arena.browser.UserActions.recordText;
import static dev.arena.browser.UserActions.recorded;
import static dev.arena.browser.UserActions.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The problem pages: the list, one statement, and submissions followed live to their verdicts. */
@Order(4)
class BrowserJudgeIT {

    private static final String PROBLEM = "a-plus-b";
    private static final Duration JUDGING = Duration.ofSeconds(120);
    private static final String SOLUTION = """
            import sys
            data = sys.stdin.read().split()
            t = int(data[0])
            print("\\n".join(str(int(data[1 + 2 * i]) + int(data[2 + 2 * i])) for i in range(t)))
            """;
    private static final String WRONG = SOLUTION.replace(") + int(", ") - int(");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theListLeadsToAStatementWithLimitsAndSamples() {
        Browser browser = browsers.open("reader");
        signIn(browser, Site.front(), Site.unique("reader"));
        browser.go(Site.page(Site.front(), "problems.html"));
        WebElement link = browser.await("the list shows " + PROBLEM, b -> b.all("problem").stream()
                .filter(p -> PROBLEM.equals(p.getDomAttribute("data-id"))).findFirst()
                .map(p -> p.findElement(Browser.testId("problem-link"))).orElse(null));
        assertEquals("A + B", link.getText());
        Browsers.keep(browser, "problems");

        link.click();
        browser.await("the statement is shown", b -> !b.text("problem-title").isEmpty());
        assertEquals("A + B", browser.text("problem-title"));
        assertEquals("1000 ms", browser.text("time-limit"));
        assertEquals("256 MB", browser.text("memory-limit"));
        WebElement statement = browser.find("statement");
        assertFalse(statement.findElements(By.cssSelector("h2, h3")).isEmpty(), "Markdown headings are rendered");
        assertFalse(statement.findElements(By.cssSelector("pre > code")).isEmpty(), "code blocks are rendered");
        assertFalse(statement.findElements(By.cssSelector("p > code")).isEmpty(), "inline code is rendered");
        assertFalse(browser.all("sample").isEmpty(), "samples are shown");
        assertFalse(browser.find("code-editor").getDomProperty("value").isBlank(), "a starting template is there");
        Browsers.keep(browser, "problem");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void anAcceptedSubmissionGoesFromQueuedThroughRunningToItsVerdict() {
        Browser browser = openProblem("solver", Site.front(), "python");
        recordAttribute(browser, "status", "submission-status", "data-status");
        recordText(browser, "text", "submission-status");
        submit(browser, "python", SOLUTION);

        String verdict = awaitVerdict(browser);
        assertEquals("ACCEPTED", verdict, browser.text("result-panel"));
        List<String> statuses = recorded(browser, "status");
        assertTrue(statuses.contains("QUEUED"), "queued was shown: " + statuses);
        assertTrue(statuses.contains("RUNNING"), "running was shown: " + statuses);
        assertTrue(recorded(browser, "text").stream().anyMatch(t -> t.matches("Running test \\d+ of \\d+\\.\\.\\.")),
                "the test being run was shown: " + recorded(browser, "text"));
        String summary = browser.text("result-summary");
        assertTrue(summary.matches("(\\d+) of \\1 tests passed - time \\d+ ms, memory [\\d.]+ [KM]B"), summary);
        List<WebElement> rows = browser.all("test-result");
        assertFalse(rows.isEmpty(), "per-test results are shown");
        assertTrue(rows.stream().allMatch(r -> "ACCEPTED".equals(r.getDomAttribute("data-verdict"))));
        browser.await("the recent list shows it", b -> !b.all("recent-submission").isEmpty()
                && b.all("recent-submission").getFirst().getText().contains("Accepted"));
        Browsers.keep(browser, "problem-accepted");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWrongAnswerShowsWhichTestsFailed() {
        Browser browser = openProblem("wrong", Site.front(), "python");
        submit(browser, "python", WRONG);
        assertEquals("WRONG_ANSWER", awaitVerdict(browser), browser.text("result-panel"));
        assertTrue(browser.all("test-result").stream().anyMatch(r -> "WRONG_ANSWER".equals(r.getDomAttribute("data-verdict"))),
                "a failed test is listed");
        assertTrue(browser.text("result-summary").matches("\\d+ of \\d+ tests passed.*"), browser.text("result-summary"));
        Browsers.keep(browser, "problem-wrong-answer");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aCompileErrorShowsTheCompilerOutput() {
        Optional<Offer> offer = compiledLanguageOffered();
        assumeTrue(offer.isPresent(), "no instance offers a compiled language");
        String language = offer.get().language();
        String broken = "cpp".equals(language) ? "int main() { return undeclared_name; }\n"
                : "public class Main { public static void main(String[] a) { int x = ; } }\n";
        Browser browser = openProblem("compiler", offer.get().base(), language);
        submit(browser, language, broken);
        assertEquals("COMPILATION_ERROR", awaitVerdict(browser), browser.text("result-panel"));
        String output = browser.text("compile-output");
        assertTrue(output.contains("error"), "the compiler's words are shown: " + output);
        Browsers.keep(browser, "problem-compile-error");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void errorsAreShownAsTheServersSentence() {
        Browser browser = browsers.open("mistakes");
        browser.go(Site.page(Site.front(), "index.html"));
        browser.find("name-input").sendKeys("not a valid name!", org.openqa.selenium.Keys.ENTER);
        browser.await("the refusal is shown", b -> b.find("sign-in-error").isDisplayed());
        assertEquals("A name is 1-32 of A-Z, a-z, 0-9, '_' and '-'.", browser.text("sign-in-error"));
        Browsers.keep(browser, "sign-in-error");

        signIn(browser, Site.front(), Site.unique("mistakes"));
        browser.go(Site.page(Site.front(), "problem.html?id=no-such-problem"));
        browser.await("the missing problem is explained", b -> b.find("problem-error").isDisplayed());
        assertEquals("There is no problem \"no-such-problem\".", browser.text("problem-error"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aProblemIsUsableOnAPhone() {
        Browser phone = browsers.open("phone", Browser.Viewport.PHONE);
        signIn(phone, Site.front(), Site.unique("phone"));
        phone.go(Site.page(Site.front(), "problem.html?id=" + PROBLEM));
        phone.await("the statement is shown", b -> !b.text("problem-title").isEmpty());
        assertEquals(Boolean.FALSE, phone.script("return document.documentElement.scrollWidth > window.innerWidth;"),
                "nothing sticks out sideways on a phone");
        Browsers.keep(phone, "problem-phone");
    }

    private Browser openProblem(String who, URI base, String language) {
        Browser browser = browsers.open(who);
        signIn(browser, base, Site.unique(who));
        browser.go(Site.page(base, "problem.html?id=" + PROBLEM));
        browser.await("the problem is shown", b -> !b.text("problem-title").isEmpty());
        browser.await("live updates connected", b -> "open".equals(b.attribute("live-state", "data-state")));
        new Select(browser.find("language-select")).selectByValue(language);
        return browser;
    }

    private static void submit(Browser browser, String language, String code) {
        assertEquals(language, new Select(browser.find("language-select")).getFirstSelectedOption().getDomAttribute("value"));
        // Typed keys would meet the editor's auto-indent; a paste sets the whole text, as this does.
        browser.script("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));",
                browser.find("code-editor"), code);
        browser.find("submit-button").click();
    }

    private static String awaitVerdict(Browser browser) {
        return browser.await("a verdict", JUDGING, b -> "DONE".equals(b.attribute("submission-status", "data-status"))
                ? b.attribute("submission-status", "data-verdict") : null);
    }

    private record Offer(URI base, String language) {
    }

    /** An instance whose problem page offers a compiled language (a language whose self-test failed is not offered). */
    private static Optional<Offer> compiledLanguageOffered() {
        for (URI base : Site.instances()) {
            List<String> languages = ProblemLanguages.offered(base, PROBLEM);
            for (String language : List.of("cpp", "java")) {
                if (languages.contains(language)) {
                    return Optional.of(new Offer(base, language));
                }
            }
        }
        return Optional.empty();
    }
}
