package dev.arena.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The files of one judging: {@code box/} (source and build output, mounted at /box, owned by the
 * slot uid so the compiler can write it) and {@code io/} (stdout/stderr captures, root only, never
 * mounted). Removed on close, also after failures. Named {@code <uid>-<random>}: what a judge that died
 * left behind is removed by the next judge that claims the uid.
 */
final class Workspace implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Workspace.class.getName());

    private final Path root;
    private final Path box;
    private final Path io;

    private Workspace(Path root) {
        this.root = root;
        this.box = root.resolve("box");
        this.io = root.resolve("io");
    }

    static Workspace create(Path workRoot, int uid) throws IOException {
        Files.createDirectories(workRoot);
        // Searchable but not listable by slot uids: bwrap, running as the slot uid, must reach box/.
        Files.setPosixFilePermissions(workRoot, PosixFilePermissions.fromString("rwx--x--x"));
        Workspace workspace = new Workspace(Files.createDirectory(workRoot.resolve(prefix(uid) + UUID.randomUUID())));
        try {
            Files.setPosixFilePermissions(workspace.root, PosixFilePermissions.fromString("rwx--x--x"));
            Files.createDirectory(workspace.box);
            Files.setPosixFilePermissions(workspace.box, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setAttribute(workspace.box, "unix:uid", uid);
            Files.setAttribute(workspace.box, "unix:gid", uid);
            Files.createDirectory(workspace.io, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return workspace;
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /**
     * Removes the work directories of the uid under the root: called once the uid is claimed, when none of
     * them can be in use.
     */
    static void removeLeftovers(Path workRoot, int uid) {
        if (!Files.isDirectory(workRoot)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(workRoot)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix(uid))).toList()) {
                LOG.log(Level.INFO, "removing {0}, left by an earlier judge", dir);
                new Workspace(dir).close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot look for leftovers in {0}: {1}", new Object[]{workRoot, e.toString()});
        }
    }

    private static String prefix(int uid) {
        return uid + "-";
    }

    Path box() {
        return box;
    }

    Path io(String name) {
        return io.resolve(name);
    }

    void writeSource(String fileName, String code) throws IOException {
        Path source = box.resolve(fileName);
        Files.writeString(source, code);
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Override
    public void close() {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return; // closed before
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot delete {0}: {1}", new Object[]{path, e.toString()});
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot clean up {0}: {1}", new Object[]{root, e.toString()});
        }
    }
}
