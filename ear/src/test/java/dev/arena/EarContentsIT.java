package dev.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The packaged EAR (for a full application server): its modules, shared libraries and deployment descriptor. */
class EarContentsIT {

    private static final String EJB_MODULE = "arena-ejb.jar";
    private static final String WEB_MODULE = "arena-web.war";

    private static File ear;

    @BeforeAll
    static void findTheArchive() {
        ear = new File(System.getProperty("arena.ear", "target/arena.ear"));
        assertTrue(ear.isFile(), "no EAR at " + ear.getAbsolutePath() + "; it is made by the package phase");
    }

    @Test
    void holdsTheEjbModuleWithTheDomainAndTheWebModule() throws IOException {
        try (ZipFile archive = new ZipFile(ear)) {
            assertNotNull(archive.getEntry(EJB_MODULE), EJB_MODULE);
            assertNotNull(archive.getEntry(WEB_MODULE), WEB_MODULE);
            List<String> ejbEntries = entriesOf(archive, EJB_MODULE);
            assertTrue(ejbEntries.contains("dev/arena/rooms/RoomHub.class"), "the EJB module carries the domain");
            assertTrue(ejbEntries.contains("META-INF/microprofile-config.properties"));
        }
    }

    @Test
    void sharesJedisAndItsDependenciesFromLib() throws IOException {
        try (ZipFile archive = new ZipFile(ear)) {
            List<String> libraries = archive.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("lib/") && name.endsWith(".jar")).toList();
            // The EAR plugin names bundled jars <groupId>-<artifactId>-<version>.jar.
            assertTrue(libraries.stream().anyMatch(name -> name.matches("lib/(.+-)?jedis-[0-9][^/]*\\.jar")),
                    "no Jedis in lib/: " + libraries);
            assertTrue(libraries.stream().anyMatch(name -> name.contains("commons-pool2")), libraries::toString);
            assertTrue(libraries.stream().noneMatch(name -> name.contains("arena-")), "modules are not libraries");
        }
    }

    @Test
    void theWebModuleIsThinAndFindsItsLibrariesInTheEar() throws IOException {
        try (ZipFile archive = new ZipFile(ear)) {
            List<String> webLibraries = entriesOf(archive, WEB_MODULE).stream()
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")).toList();

            assertEquals(List.of(), webLibraries, "the EAR's WAR bundles no jars: the EJB module and lib/ serve it");
            assertTrue(entriesOf(archive, WEB_MODULE).contains("WEB-INF/classes/dev/arena/rooms/ws/RoomSocket.class"));
        }
    }

    @Test
    void theDescriptorNamesBothModulesAndServesTheWebModuleAtTheRoot() throws Exception {
        Document descriptor;
        try (ZipFile archive = new ZipFile(ear);
             InputStream xml = archive.getInputStream(archive.getEntry("META-INF/application.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            descriptor = factory.newDocumentBuilder().parse(xml);
        }

        assertEquals(List.of(EJB_MODULE), texts(descriptor, "ejb"));
        assertEquals(List.of(WEB_MODULE), texts(descriptor, "web-uri"));
        assertEquals(List.of("/"), texts(descriptor, "context-root"));
        assertEquals(List.of("lib"), texts(descriptor, "library-directory"));
        assertEquals(2, descriptor.getElementsByTagNameNS("*", "module").getLength());
    }

    /** The entry names of an archive nested in the EAR. */
    private static List<String> entriesOf(ZipFile archive, String nested) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = archive.getInputStream(archive.getEntry(nested))) {
            bytes = in.readAllBytes();
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertFalse(names.isEmpty(), nested + " is empty");
        return names;
    }

    private static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent().trim());
        }
        return texts;
    }
}
