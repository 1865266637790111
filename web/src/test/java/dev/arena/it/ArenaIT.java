package dev.arena.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR on one Payara Micro (arquillian.xml) with the Redis of {@link TestRedis}, tested from outside
 * through HTTP and WebSockets. Every deployment boots a fresh Payara Micro, so there is only this one: the checks
 * of each area are the default methods of the interfaces it implements.
 */
@ExtendWith({TestRedis.class, ArquillianExtension.class})
class ArenaIT implements SessionApiChecks, HttpErrorChecks, RoomSocketChecks, RoomSocketErrorChecks,
        OperationsChecks, JudgeApiChecks {

    private static final Logger LOG = Logger.getLogger(ArenaIT.class.getName());

    @ArquillianResource
    private URL deployed;

    /** The WAR exactly as built by the package phase, deployed as it is. */
    @Deployment(testable = false)
    static WebArchive arena() throws IOException {
        // The connector copies the WAR under the temporary directory, which Failsafe points into target/.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("arena.war")));
    }

    /** Marks each check in the test log, where the instance's own log lines are interleaved. */
    @BeforeEach
    void logStart(TestInfo check) {
        LOG.log(Level.INFO, "Check {0}", check.getDisplayName());
    }

    @Override
    public URI baseUri() {
        try {
            // The connector reports the host's external address; the instance listens on every interface.
            return new URI("http", null, "127.0.0.1", deployed.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
