package dev.arena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The directory through which a sandbox's runs exchange files with the judge: the box's sibling
 * {@code <box>.io}, mounted at {@code /io}. It holds a run's {@code stdin} (linked or copied), its
 * {@code stdout} and {@code stderr} (made afresh for each run), and the sandbox's own log. It is root's:
 * the slot uid may reach and use the files placed here, but not create any.
 */
final class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class.getName());
    private static final int LOG_HEAD = 2048;

    private final Path dir;
    private final int uid;

    private Exchange(Path dir, int uid) {
        this.dir = dir;
        this.uid = uid;
    }

    static Exchange create(Path box, int uid) throws IOException {
        Path dir = box.resolveSibling(box.getFileName() + ".io");
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Exchange(dir, uid);
    }

    Path dir() {
        return dir;
    }

    Path stdout() {
        return dir.resolve("stdout");
    }

    Path stderr() {
        return dir.resolve("stderr");
    }

    /** An empty log for a sandbox about to start, which only root can read. */
    Path freshLog() throws IOException {
        Path log = dir.resolve("sandbox.log");
        Files.deleteIfExists(log);
        return Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** The start of the sandbox's log, for messages. */
    String logHead() {
        try {
            String text = Files.readString(dir.resolve("sandbox.log"));
            return text.length() > LOG_HEAD ? text.substring(0, LOG_HEAD) : text;
        } catch (IOException e) {
            return "(none)";
        }
    }

    /**
     * Places the next run's files.
     *
     * @param stdin file fed to stdin, or null for an empty stdin
     */
    void prepare(Path stdin) throws IOException {
        Path input = dir.resolve("stdin");
        Files.deleteIfExists(input);
        if (stdin != null && !linked(stdin, input)) {
            Files.copy(stdin, input);
            Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-r--r--"));
        }
        // Made afresh for every run: a program may have changed the modes of the last ones.
        for (Path output : List.of(stdout(), stderr())) {
            Files.deleteIfExists(output);
            Files.createFile(output,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.setAttribute(output, "unix:uid", uid);
            Files.setAttribute(output, "unix:gid", uid);
        }
    }

    /** A hard link costs nothing, where the input is a file anyone may read on the same file system. */
    private static boolean linked(Path input, Path link) {
        try {
            if (!Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getPosixFilePermissions(input).contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
            Files.createLink(link, input);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Removes the directory and its files, if it is still there. Never throws. */
    void remove() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove {0}: {1}", new Object[]{dir, e.toString()});
        }
    }
}
