package dev.arena.judge;

import dev.arena.judge.check.Checker;
import dev.arena.judge.lang.LanguageRuntime;
import dev.arena.judge.lang.Languages;
import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.TestCase;
import dev.arena.judge.sandbox.Sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The judge engine. Thread-safe: up to {@link JudgeSettings#slots()} judgings run at once, each on
 * its own slot (its own non-root uid, its own cgroups and work directory); further callers wait
 * for a free slot.
 *
 * <p>A judging compiles once, then runs the tests in order and stops at the first test that is
 * not accepted (as LeetCode does): {@code passed} counts the accepted tests, {@code total} all of
 * the problem's tests.
 *
 * <p>Between judgings, each slot ends the last judging's sandboxes (after the verdict is returned) and
 * starts the tests' sandbox of its next judging, guessing it is like the last one (language and memory
 * limit; Python with 256 MiB at first). A judging that differs, or a compiled language, starts its own. The
 * slot is taken until both are done.
 *
 * <p>At start-up every language compiles and runs a tiny program in the sandbox; a language whose
 * toolchain is missing or broken is logged and disabled, never fatal.
 */
public final class Judge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Judge.class.getName());
    /** The memory limit of the sandboxes started before the first judging: the bundled problems' limit. */
    private static final int FIRST_MEMORY_LIMIT_MB = 256;

    private final JudgeSettings settings;
    private final Sandbox sandbox;
    private final BlockingQueue<Integer> freeUids;
    private final SlotUids slotUids;
    private final Map<String, LanguageRuntime> enabled;
    private final Map<String, String> disabled;
    /** The sandbox started ahead on each free slot that has one. */
    private final Map<Integer, WarmSandbox> ahead = new ConcurrentHashMap<>();
    private final ExecutorService starter =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("judge-sandbox-ahead").factory());
    /** What a slot starts ahead when its last judging's sandbox cannot be: the first such language. */
    private final LanguageRuntime firstAhead;

    private Judge(JudgeSettings settings, Sandbox sandbox, Map<String, LanguageRuntime> runtimes) throws IOException {
        this.settings = settings;
        this.sandbox = sandbox;
        this.slotUids = SlotUids.claim(settings.firstUid(), settings.slots());
        this.freeUids = new ArrayBlockingQueue<>(settings.slots(), false, slotUids.uids());
        slotUids.uids().forEach(uid -> Workspace.removeLeftovers(settings.workRoot(), uid));
        Map<String, LanguageRuntime> working = new LinkedHashMap<>();
        Map<String, String> broken = new LinkedHashMap<>();
        String notRoot = runningAsRoot() ? null : "the judge must run as root to switch to the slot uids";
        runtimes.forEach((id, runtime) -> {
            String problem = notRoot != null ? notRoot : selfTest(runtime);
            if (problem != null && notRoot == null) {
                // A host busy enough to starve one compile should not cost a language for the instance's life.
                LOG.log(Level.WARNING, "language {0} failed its self-test ({1}); trying once more", new Object[]{id, problem});
                problem = selfTest(runtime);
            }
            if (problem == null) {
                working.put(id, runtime);
            } else {
                broken.put(id, problem);
                LOG.log(Level.WARNING, "language {0} disabled: {1}", new Object[]{id, problem});
            }
        });
        this.enabled = Collections.unmodifiableMap(working);
        this.disabled = Collections.unmodifiableMap(broken);
        this.firstAhead = enabled.values().stream().filter(Judging::testsSandboxFirst).findFirst().orElse(null);
        for (int i = 0; i < settings.slots(); i++) {
            afterJudging(freeUids.remove(), null, firstAhead, FIRST_MEMORY_LIMIT_MB);
        }
        LOG.log(Level.INFO, "judge ready: {0} slots (uids {1}), {2}, languages {3}",
                new Object[]{settings.slots(), slotUids.uids(), sandbox.describe(), enabled.keySet()});
    }

    /**
     * Claims slot uids (exclusive on this host, searching upwards from {@code firstUid}), detects
     * the sandbox's cgroup support and self-tests every language. Takes a few seconds.
     *
     * @throws IllegalStateException if no free slot uids can be claimed
     */
    public static Judge start(JudgeSettings settings) {
        return start(settings, Sandbox.detect());
    }

    public static Judge start(JudgeSettings settings, Sandbox sandbox) {
        try {
            return new Judge(settings, sandbox, Languages.all(settings.javaHome()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot claim slot uids: " + e.getMessage(), e);
        }
    }

    /** The uids this judge's programs run as (claimed for the judge's lifetime). */
    public List<Integer> slotUids() {
        return slotUids.uids();
    }

    /** Removes the slots' cgroups and releases the slot uids. Start no judgings after this. */
    @Override
    public void close() {
        starter.shutdown();
        try {
            starter.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ahead.values().forEach(WarmSandbox::close);
        ahead.clear();
        slotUids.uids().forEach(sandbox::release);
        slotUids.close();
    }

    /**
     * Waits until no judging runs and no sandbox is being started ahead, then says which slots (by uid)
     * hold a sandbox started ahead. For checks of what is left between judgings.
     */
    Set<Integer> awaitIdleSlots() throws InterruptedException {
        List<Integer> taken = new ArrayList<>();
        try {
            for (int i = 0; i < settings.slots(); i++) {
                taken.add(freeUids.take());
            }
            return Set.copyOf(ahead.keySet());
        } finally {
            freeUids.addAll(taken);
        }
    }

    /** Languages that passed their self-test, in a stable order. */
    public Set<String> enabledLanguages() {
        return enabled.keySet();
    }

    /** Languages that failed their self-test, with the reason. */
    public Map<String, String> disabledLanguages() {
        return disabled;
    }

    public boolean supports(String language) {
        return enabled.containsKey(language);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public JudgeSettings settings() {
        return settings;
    }

    /**
     * Judges one submission; blocks while all slots are busy and while the tests run. Never throws
     * for anything the submitted code does: a sandbox or I/O failure yields {@code INTERNAL_ERROR}.
     *
     * @throws IllegalArgumentException if the language is unknown or disabled
     * @throws InterruptedException     if interrupted while waiting for a slot or a run (the run is killed)
     */
    public JudgeResult judge(Problem problem, String language, String code, ProgressListener listener)
            throws InterruptedException {
        LanguageRuntime runtime = enabled.get(language);
        if (runtime == null) {
            throw new IllegalArgumentException("unsupported language: " + language);
        }
        int uid = freeUids.take();
        Judging judging = new Judging(sandbox, uid, settings);
        try {
            return judging.run(problem, runtime, code, listener, ahead.remove(uid));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "judging " + problem.id() + " in " + language + " failed", e);
            return JudgeResult.failedBeforeTests(Verdict.INTERNAL_ERROR, problem.tests().size(), "");
        } finally {
            afterJudging(uid, judging, Judging.testsSandboxFirst(runtime) ? runtime : firstAhead,
                    problem.memoryLimitMb());
        }
    }

    /**
     * In the background, after the verdict: cleans up after the slot's judging, starts the slot's sandbox
     * for its next judging, then frees the slot. The slot stays taken meanwhile, so that nothing else runs as
     * its uid. A sandbox that does not start leaves the slot without one: its next judging starts its own.
     *
     * @param judging the judging to clean up after, or null
     * @param runtime what the next judging is expected in, or null to start nothing ahead
     */
    private void afterJudging(int uid, Judging judging, LanguageRuntime runtime, int memoryLimitMb) {
        try {
            starter.execute(() -> {
                try {
                    if (judging != null) {
                        judging.close();
                    }
                    if (runtime != null) {
                        ahead.put(uid, new Judging(sandbox, uid, settings).startAhead(runtime, memoryLimitMb));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot start a sandbox ahead on uid " + uid, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    freeUids.add(uid);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: nothing starts ahead any more.
            if (judging != null) {
                judging.close();
            }
            freeUids.add(uid);
        }
    }

    /** @return null when the language works, else why not */
    private String selfTest(LanguageRuntime runtime) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("arena-selftest-");
            Path input = Files.writeString(dir.resolve("01.in"), "2 3\n");
            Path answer = Files.writeString(dir.resolve("01.out"), "5\n");
            Problem probe = new Problem("self-test", "self-test", "easy", 2000, 128, "tokens", Checker.tokens(), "",
                    List.of(), List.of(new TestCase(1, "01", input, answer)), Map.of(), dir);
            int uid = freeUids.take();
            JudgeResult result;
            try (Judging judging = new Judging(sandbox, uid, settings)) {
                result = judging.run(probe, runtime, Languages.SELF_TEST_PROGRAMS.get(runtime.id()),
                        ProgressListener.NONE, null);
            } finally {
                freeUids.add(uid);
            }
            if (result.verdict().isAccepted()) {
                LOG.log(Level.INFO, "language {0} ok: {1} ms, {2} KiB",
                        new Object[]{runtime.id(), result.timeMs(), result.memoryKb()});
                return null;
            }
            String output = result.compileOutput().strip();
            return result.verdict() + (output.isEmpty() ? "" : ": " + output.lines().limit(3).toList());
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (dir != null) {
                for (String name : List.of("01.in", "01.out", "")) {
                    dir.resolve(name).toFile().delete();
                }
            }
        }
    }

    private static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
