package dev.arena.judge.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several runs in one sandbox, and sandboxes one after another on one slot: each run starts clean
 * (processes, scratch files, IPC, counters) whatever the run before it did. Runs as root, like the
 * judge cases; the slot uid is claimed as the judge claims its uids.
 */
class SessionTest {

    private static final Limits LIMITS = new Limits(2000, 5000, 96L << 20, 0, 64, 1L << 20, 16L << 20);

    private static Sandbox sandbox;
    private static int uid;
    private static FileChannel uidLock;
    private Path box;

    @BeforeAll
    static void claimUid() throws IOException {
        sandbox = Sandbox.detect();
        Files.createDirectories(Path.of("/tmp/arena-judge-slots"));
        for (uid = 62900; uid < 63000; uid++) {
            uidLock = FileChannel.open(Path.of("/tmp/arena-judge-slots", uid + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = uidLock.tryLock();
            if (lock != null) {
                return;
            }
            uidLock.close();
        }
        throw new IllegalStateException("no free uid from 62900");
    }

    @AfterAll
    static void releaseUid() throws IOException {
        sandbox.release(uid);
        assertEquals(List.of(), slotCgroups(), "the slot's cgroups are removed with the slot");
        uidLock.close();
    }

    @BeforeEach
    void makeBox() throws IOException {
        box = Files.createTempDirectory(Path.of("/tmp"), "arena-session-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterEach
    void removeBox() throws IOException {
        try (Stream<Path> files = Files.walk(box)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        assertFalse(Files.exists(box.resolveSibling(box.getFileName() + ".io")), "exchange directory left");
        assertFalse(SlotReaper.anyProcessOf(uid), "a process of the slot uid survived");
        for (Path group : slotCgroups()) {
            assertEquals("", Files.readString(group.resolve("cgroup.procs")).strip(), group + " holds processes");
        }
    }

    @Test
    void runsEveryInputInAFreshProcessOfOneSandbox() throws Exception {
        Program echo = program("echo.sh", "read line; echo \"$line $$\"\n", List.of("/bin/sh", "echo.sh"));
        List<String> seen = new ArrayList<>();
        try (Session session = sandbox.open(uid, echo)) {
            for (String word : List.of("one", "two", "three")) {
                RunReport report = session.run(Files.writeString(box.resolve("in"), word + "\n"));
                assertEquals(0, report.exitCode(), report::toString);
                String[] printed = text(session.stdout()).strip().split(" ");
                assertEquals(word, printed[0]);
                seen.add(printed[1]);
            }
        }
        assertEquals(3, seen.stream().distinct().count(), "pids " + seen);
    }

    @Test
    void aProgramOfItsOwnStartsWithTheRunsLimitsAndNothingOfTheRunners() throws Exception {
        Program show = program("show.sh", """
                cat /proc/self/limits
                grep -E '^Sig(Blk|Ign)' /proc/self/status
                echo fds $(ls /proc/self/fd)
                """, List.of("/bin/sh", "show.sh"));
        try (Session session = sandbox.open(uid, show)) {
            RunReport report = session.run(null);
            String shown = text(session.stdout());
            assertEquals(0, report.exitCode(), () -> report + " " + shown);
            for (String limit : List.of("Max cpu time +3 +4 +seconds", "Max file size +1048576 +1048576 +bytes",
                    "Max processes +64 +64 +processes", "Max stack size +100663296 +100663296 +bytes",
                    "Max core file size +0 +0 +bytes", "Max msgqueue size +0 +0 +bytes",
                    "Max address space +unlimited +unlimited +bytes")) {
                assertTrue(Pattern.compile("(?m)^" + limit + " *$").matcher(shown).find(), limit + " in\n" + shown);
            }
            // No signal blocked or ignored (the runner ignores SIGINT, Python SIGPIPE and SIGXFSZ) but glibc's own
            // 32 and 33, which a spawn leaves ignored and which no program can use (SIGRTMIN is 34); the
            // standard streams and the descriptor ls reads /proc/self/fd through, nothing else.
            assertTrue(shown.contains("SigBlk:\t0000000000000000\n"), shown);
            Matcher ignored = Pattern.compile("SigIgn:\t(\\p{XDigit}+)").matcher(shown);
            assertTrue(ignored.find(), shown);
            long glibcOwn = (1L << 31) | (1L << 32);
            assertEquals(0, Long.parseUnsignedLong(ignored.group(1), 16) & ~glibcOwn, shown);
            assertTrue(shown.contains("fds 0 1 2 3\n"), shown);
        }
    }

    @Test
    void aPythonProgramRunsInTheRunnersInterpreterAsInItsOwn() throws Exception {
        String probe = """
                import os, resource, signal, sys
                import __main__
                print(__name__, __file__, sys.argv, sys.path[0], sorted(vars(__main__)), __loader__.name)
                for s in (sys.stdin, sys.stdout, sys.stderr):
                    print(s.name, s.mode, s.encoding, s.errors, s.line_buffering, s.buffer.raw.name, s.newlines)
                print(sys.stdin is sys.__stdin__, sys.flags.dont_write_bytecode, os.getcwd(), sys.getrecursionlimit())
                print([signal.getsignal(s) for s in (signal.SIGINT, signal.SIGPIPE, signal.SIGXFSZ, signal.SIGTERM)])
                print([resource.getrlimit(r) for r in (resource.RLIMIT_STACK, resource.RLIMIT_NPROC, resource.RLIMIT_FSIZE,
                                                        resource.RLIMIT_CPU, resource.RLIMIT_CORE)])
                print(sorted(os.listdir('/proc/self/fd')), open('/proc/self/status').read().count('Uid'))
                print(repr(sys.stdin.readline()), repr(input()))
                import atexit
                atexit.register(lambda: print('at exit'))
                class Noisy:
                    def __del__(self):
                        print('freed')
                noisy = Noisy()
                raise ValueError('boom')
                """;
        assertSameAsItsOwnInterpreter(probe, "first\r\nsecond\n");
        assertSameAsItsOwnInterpreter("import sys\nprint('bye', end='')\nsys.exit(3)\n", null);
        assertSameAsItsOwnInterpreter("import sys\nsys.exit('a message')\n", null);
        assertSameAsItsOwnInterpreter("print('never'\n", null);
        assertSameAsItsOwnInterpreter("import threading, time\n"
                + "threading.Thread(target=lambda: (time.sleep(0.2), print('joined'))).start()\n", null);
    }

    /** The same program as python3 -B (a fork of the runner) and as /usr/bin/python3 -B (exec'd afresh). */
    private void assertSameAsItsOwnInterpreter(String code, String input) throws Exception {
        Path in = input == null ? null : Files.writeString(box.resolve("in"), input);
        List<String> outcomes = new ArrayList<>();
        for (String interpreter : List.of("python3", "/usr/bin/python3")) {
            Program program = program("main.py", code, List.of(interpreter, "-B", "main.py"));
            try (Session session = sandbox.open(uid, program)) {
                RunReport report = session.run(in);
                outcomes.add(report.exitCode() + "\n" + text(session.stdout()) + "\n" + text(session.stderr()));
            }
        }
        assertEquals(outcomes.get(1), outcomes.get(0));
    }

    @Test
    void aRunsTimeAndMemoryAreItsOwn() throws Exception {
        Program program = python("""
                import sys, time
                if input() == 'big':
                    block = bytearray(48 << 20)
                    end = time.process_time() + 0.4
                    while time.process_time() < end:
                        pass
                print('ok')
                """);
        Path big = Files.writeString(box.resolve("big"), "big\n");
        Path small = Files.writeString(box.resolve("small"), "small\n");
        try (Session session = sandbox.open(uid, program)) {
            RunReport first = session.run(big);
            RunReport second = session.run(small);
            assertEquals(0, first.exitCode(), first::toString);
            assertTrue(first.peakMemoryBytes() >= 48L << 20, first::toString);
            assertTrue(first.cpuTimeMs() >= 400, first::toString);
            assertEquals(0, second.exitCode(), second::toString);
            assertTrue(second.peakMemoryBytes() < 16L << 20, second::toString);
            assertTrue(second.cpuTimeMs() < 200, second::toString);
        }
    }

    @Test
    void aRunAfterAnOutOfMemoryKillIsNotOutOfMemory() throws Exception {
        Program program = python("block = bytearray((200 if input() == 'big' else 1) << 20)\nprint('ok')\n");
        Path big = Files.writeString(box.resolve("big"), "big\n");
        Path small = Files.writeString(box.resolve("small"), "small\n");
        try (Session session = sandbox.open(uid, program)) {
            assertTrue(session.run(big).oomKilled());
            RunReport sameSandbox = session.run(small);
            assertFalse(sameSandbox.oomKilled(), sameSandbox::toString);
            assertEquals(0, sameSandbox.exitCode(), sameSandbox::toString);
            assertTrue(session.run(big).oomKilled());
        }
        Object group = Files.getAttribute(slotCgroups().getFirst(), "unix:ino");
        try (Session session = sandbox.open(uid, program)) {
            RunReport nextSandbox = session.run(small);
            assertFalse(nextSandbox.oomKilled(), nextSandbox::toString);
            assertEquals(0, nextSandbox.exitCode(), nextSandbox::toString);
            assertTrue(nextSandbox.peakMemoryBytes() < 16L << 20, nextSandbox::toString);
        }
        assertEquals(group, Files.getAttribute(slotCgroups().getFirst(), "unix:ino"), "the slot's cgroup is kept");
    }

    @Test
    void aRunMayHaveLimitsOfItsOwn() throws Exception {
        Program program = python("block = bytearray(150 << 20)\nprint('ok')\n");
        Limits roomy = new Limits(20_000, 40_000, 1L << 30, 0, 64, 1L << 20, 16L << 20);
        try (Session session = sandbox.open(uid, program)) {
            RunReport checked = session.run(program.command(), roomy, null);
            assertEquals(0, checked.exitCode(), checked::toString);
            assertFalse(checked.oomKilled(), checked::toString);
            assertTrue(session.run(null).oomKilled(), "the program's own 96 MiB apply again");
            assertEquals(0, session.run(program.command(), roomy, null).exitCode());
        }
    }

    @Test
    void aSandboxAfterAForkBombStartsEmpty() throws Exception {
        Program forking = python("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n");
        // Room for 64 forked interpreters (they touched up to 175 MB between them): the pids cap and the CPU
        // limit end the bomb, not a race with the memory limit.
        Program bomb = new Program(forking.command(), box, false, List.of(), Map.of(),
                new Limits(LIMITS.cpuTimeMs(), LIMITS.wallTimeMs(), 512L << 20, 0, LIMITS.maxTasks(),
                        LIMITS.fileSizeBytes(), LIMITS.tmpBytes()));
        RunReport bombed = sandbox.run(uid, bomb, null, box.resolve("out"), box.resolve("err"));
        assertTrue(bombed.cpuLimitHit() || bombed.wallLimitHit(), bombed::toString);
        for (Path group : slotCgroups()) {
            assertEquals("", Files.readString(group.resolve("cgroup.procs")).strip(), group + " holds processes");
        }
        RunReport after = sandbox.run(uid, python("print('ok')\n"), null, box.resolve("out"), box.resolve("err"));
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(after.cpuTimeMs() < 500, after::toString);
        assertEquals("ok\n", text(box.resolve("out")));
    }

    @Test
    void nothingOfARunIsLeftForTheNext() throws Exception {
        Program program = python("""
                import ctypes, os, time
                found = sorted(os.listdir('/tmp') + os.listdir('/dev/shm'))
                segments = len(open('/proc/sysvipc/shm').read().splitlines()) - 1
                others = sorted(int(p) for p in os.listdir('/proc') if p.isdigit() and int(p) not in (1, os.getpid()))
                print(found, segments, others)
                os.makedirs('/tmp/a/b')
                open('/tmp/a/b/f', 'w').write('x')
                os.chmod('/tmp/a/b', 0)
                os.chmod('/tmp/a', 0)
                open('/dev/shm/s', 'w').write('x')
                assert ctypes.CDLL(None).shmget(1234, 4096, 0o1600) >= 0
                if os.fork() == 0:
                    os.setsid()
                    time.sleep(100)
                """);
        try (Session session = sandbox.open(uid, program)) {
            for (int run = 0; run < 3; run++) {
                RunReport report = session.run(null);
                String stderr = text(session.stderr());
                assertEquals(0, report.exitCode(), () -> report + " " + stderr);
                assertEquals("[] 0 []\n", text(session.stdout()));
            }
        }
    }

    @Test
    void aProgramCannotReachTheRunner() throws Exception {
        Program program = python("""
                import ctypes, os, signal
                try:
                    open('/proc/1/fd/1', 'w').write('done exit 0\\n')
                    print('forged')
                except OSError as e:
                    print('refused', e.errno)
                print('ptrace', ctypes.CDLL(None).ptrace(16, 1, 0, 0))
                for number in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGSEGV):
                    os.kill(1, number)
                print('alive')
                """);
        try (Session session = sandbox.open(uid, program)) {
            for (int run = 0; run < 2; run++) {
                RunReport report = session.run(null);
                assertEquals(0, report.exitCode(), report::toString);
                assertEquals("refused 13\nptrace -1\nalive\n", text(session.stdout()));
            }
        }
    }

    @Test
    void aProgramThatCannotStartIsTheSandboxsFailure() throws Exception {
        Program missing = new Program(List.of("no-such-program"), box, false, List.of(), Map.of(), LIMITS);
        try (Session session = sandbox.open(uid, missing)) {
            assertTrue(session.run(null).sandboxFailed());
            assertTrue(session.run(null).sandboxFailed());
        }
    }

    @Test
    void aSingleRunMayWriteItsBox() throws Exception {
        Files.setAttribute(box, "unix:uid", uid);
        Program write = new Program(List.of("/bin/sh", "-c", "echo built > /box/made; echo done; echo err >&2"), box,
                true, List.of(), Map.of(), LIMITS);
        RunReport report = sandbox.run(uid, write, null, box.resolve("out"), box.resolve("err"));
        assertEquals(0, report.exitCode(), report::toString);
        assertEquals("built\n", text(box.resolve("made")));
        assertEquals("done\n", text(box.resolve("out")));
        assertEquals("err\n", text(box.resolve("err")));
    }

    private Program program(String file, String code, List<String> command) throws IOException {
        Files.writeString(box.resolve(file), code);
        return new Program(command, box, false, List.of(), Map.of(), LIMITS);
    }

    private Program python(String code) throws IOException {
        return program("main.py", code, List.of("python3", "-B", "main.py"));
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file);
    }

    private static List<Path> slotCgroups() throws IOException {
        try (Stream<Path> groups = Files.walk(Path.of("/sys/fs/cgroup"), 5)) {
            return groups.filter(p -> p.getFileName().toString().equals("arena-judge-" + uid)).toList();
        } catch (java.io.UncheckedIOException e) {
            return slotCgroups(); // another judge removed a group while we walked
        }
    }
}
