package dev.arena.judge;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims slot uids that no other judge on this host uses. Several application-server instances
 * (and test runs) share one machine; if two of them ran programs as the same uid, each would reap
 * the other's processes after its own runs. A uid is claimed by holding an exclusive lock on
 * {@code /tmp/arena-judge-slots/<uid>.lock}; the kernel drops the lock when the JVM exits, so a
 * crashed instance never keeps its uids.
 */
final class SlotUids implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SlotUids.class.getName());
    private static final Path LOCK_DIR = Path.of("/tmp/arena-judge-slots");
    private static final int SEARCH_RANGE = 1000;

    private final List<Integer> uids = new ArrayList<>();
    private final List<FileChannel> channels = new ArrayList<>();

    private SlotUids() {
    }

    /** Claims {@code count} free uids, searching upwards from {@code firstUid}. */
    static SlotUids claim(int firstUid, int count) throws IOException {
        Files.createDirectories(LOCK_DIR);
        SlotUids claimed = new SlotUids();
        for (int uid = firstUid; uid < firstUid + SEARCH_RANGE && claimed.uids.size() < count; uid++) {
            FileChannel channel = FileChannel.open(LOCK_DIR.resolve(uid + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                // Another judge in this JVM holds it.
            }
            if (lock == null) {
                channel.close();
                continue;
            }
            claimed.uids.add(uid);
            claimed.channels.add(channel);
        }
        if (claimed.uids.size() < count) {
            claimed.close();
            throw new IOException("no " + count + " free slot uids from " + firstUid);
        }
        LOG.log(Level.FINE, "claimed slot uids {0}", claimed.uids);
        return claimed;
    }

    List<Integer> uids() {
        return List.copyOf(uids);
    }

    @Override
    public void close() {
        for (FileChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a slot lock failed: {0}", e.toString());
            }
        }
    }
}
