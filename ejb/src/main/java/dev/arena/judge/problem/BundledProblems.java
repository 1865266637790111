package dev.arena.judge.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The example problems shipped in this module's resources under {@code judge-problems/}. Read in
 * place when the classes come from a directory; copied once to a temporary directory when they
 * come from a jar (tests are run from files, so they must exist on disk).
 */
final class BundledProblems {

    private static final Logger LOG = Logger.getLogger(BundledProblems.class.getName());
    private static final String ROOT = "judge-problems";
    private static Path extracted;

    private BundledProblems() {
    }

    static synchronized Path directory() {
        if (extracted != null) {
            return extracted;
        }
        URL marker = BundledProblems.class.getResource("/" + ROOT + "/README.md");
        if (marker == null) {
            throw new IllegalStateException("bundled problems missing from the class path: set JUDGE_PROBLEMS_DIR");
        }
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("file")) {
                extracted = Path.of(uri).getParent();
            } else if (uri.getScheme().equals("jar")) {
                extracted = extract(uri);
            } else {
                throw new IllegalStateException("cannot read bundled problems from " + uri + ": set JUDGE_PROBLEMS_DIR");
            }
            return extracted;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read bundled problems: set JUDGE_PROBLEMS_DIR", e);
        }
    }

    private static Path extract(URI uri) throws IOException {
        Path target = Files.createTempDirectory("arena-problems-");
        try (FileSystem jar = openJar(uri); Stream<Path> files = Files.walk(jar.getPath("/" + ROOT))) {
            Path source = jar.getPath("/" + ROOT);
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "arena-problems-cleanup"));
        LOG.log(Level.INFO, "extracted the bundled problems to {0}", target);
        return target;
    }

    private static FileSystem openJar(URI uri) throws IOException {
        String spec = uri.toString();
        URI jarUri = URI.create(spec.substring(0, spec.indexOf("!/")));
        return FileSystems.newFileSystem(jarUri, Map.of());
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
