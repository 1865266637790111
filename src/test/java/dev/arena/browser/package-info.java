/**
 * Browser tests of the pages against a running cluster (started by {@code bin/cluster up}): Debian's
 * Chromium, headless, driven through its chromedriver by Selenium.
 *
 * <p>The tests see only what a user sees: pages, their elements (found by {@code data-testid}) and what
 * the pages show of the server's answers. They disturb the cluster only through {@code bin/cluster}, and
 * must not depend on any application class. Every test saves screenshots of its browsers into
 * {@code target/screenshots/failures/} when it fails; the suite saves one screenshot per page into
 * {@code target/screenshots/} when it succeeds.
 */
package dev.arena.browser;
