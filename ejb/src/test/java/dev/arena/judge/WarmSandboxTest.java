package dev.arena.judge;

import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.sandbox.SlotReaper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sandbox a slot starts ahead of its next judging, on a judge of one slot (so every judging runs on
 * the same uid): a judging like the last runs in it, with nothing of the last judging in it; any other
 * judging starts its own.
 */
class WarmSandboxTest {

    private static Judge judge;
    private static Path workRoot;
    private static Problem tinySum;
    private static Problem aPlusB;
    /** Work directories as a judge killed with its sandboxes started ahead leaves them, for uids from 62050 up. */
    private static final List<Integer> LEFT_BY_DEAD_JUDGES = List.of(62050, 62051, 62052, 62053);

    @BeforeAll
    static void startJudge() throws IOException {
        workRoot = Files.createTempDirectory("arena-warm-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        for (int uid : LEFT_BY_DEAD_JUDGES) {
            Files.createDirectories(leftover(uid).resolve("box"));
            Files.writeString(leftover(uid).resolve("box/main.py"), "print(1)\n");
        }
        judge = Judge.start(JudgeSettings.defaults().withSlots(1).withWorkRoot(workRoot).withFirstUid(62050));
        tinySum = ProblemCatalog.load(JudgeCasesTest.resource("judge-case-problems")).find("tiny-sum").orElseThrow();
        aPlusB = ProblemCatalog.loadConfigured(Optional.empty()).find("a-plus-b").orElseThrow();
    }

    @AfterAll
    static void closeJudge() throws IOException {
        if (judge != null) {
            int uid = judge.slotUids().getFirst();
            judge.close();
            assertEquals(List.of(), SlotReaper.processesOf(uid), "the sandbox started ahead outlived the judge");
            assertEquals(List.of(), JudgeCasesTest.cgroupsOf(uid));
        }
        for (int uid : LEFT_BY_DEAD_JUDGES) {
            if (Files.exists(leftover(uid))) {
                try (Stream<Path> files = Files.walk(leftover(uid))) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "work directories left after the judge closed");
        }
        Files.delete(workRoot);
    }

    @Test
    void aJudgingLikeTheLastRunsInTheSandboxStartedForItWithNothingOfTheLastInIt() throws Exception {
        // Accepted only if it finds no file, segment, socket name or process of anything before it,
        // and it leaves all of these behind.
        String leavesEverythingBehind = caseProgram("python_ACCEPTED_fresh_sandbox_per_test");
        JudgeResult first = judge.judge(tinySum, "python", leavesEverythingBehind, ProgressListener.NONE);
        assertEquals(Verdict.ACCEPTED, first.verdict(), first::toString);

        long before = startedOnceIdle(Set.of(judge.slotUids().getFirst()));
        JudgeResult second = judge.judge(tinySum, "python", leavesEverythingBehind, ProgressListener.NONE);

        assertEquals(Verdict.ACCEPTED, second.verdict(), second::toString);
        assertEquals(1, startedOnceIdle(Set.of(judge.slotUids().getFirst())) - before,
                "sandboxes started: only the next judging's, ahead");
    }

    @Test
    void aJudgingWithAnotherMemoryLimitOrACompileStepStartsItsOwn() throws Exception {
        String sum = "a, b = map(int, input().split())\nprint(a + b)\n";
        assertEquals(Verdict.ACCEPTED, judge.judge(tinySum, "python", sum, ProgressListener.NONE).verdict());

        long before = startedOnceIdle(Set.of(judge.slotUids().getFirst()));
        String python = Files.readString(aPlusB.solutions().get("python"));
        assertEquals(Verdict.ACCEPTED, judge.judge(aPlusB, "python", python, ProgressListener.NONE).verdict());
        assertEquals(2, startedOnceIdle(Set.of(judge.slotUids().getFirst())) - before,
                "its own sandbox (64 MiB ahead, 256 MiB wanted) and the next one ahead");

        before = startedOnceIdle(Set.of(judge.slotUids().getFirst()));
        String cpp = Files.readString(aPlusB.solutions().get("cpp"));
        assertEquals(Verdict.ACCEPTED, judge.judge(aPlusB, "cpp", cpp, ProgressListener.NONE).verdict());
        assertEquals(3, startedOnceIdle(Set.of(judge.slotUids().getFirst())) - before,
                "the compiler's, the tests' and the next one ahead");
    }

    @Test
    void theWorkDirectoriesOfAClaimedUidLeftByAnEarlierJudgeAreRemoved() {
        for (int uid : LEFT_BY_DEAD_JUDGES) {
            boolean claimed = judge.slotUids().contains(uid);
            assertEquals(!claimed, Files.exists(leftover(uid)), "leftover of uid " + uid + ", claimed: " + claimed);
        }
    }

    private static Path leftover(int uid) {
        return workRoot.resolve(uid + "-left-by-a-dead-judge");
    }

    /** Sandboxes started so far, once the slot is idle again and holds a sandbox started ahead. */
    private static long startedOnceIdle(Set<Integer> expectedAhead) throws InterruptedException {
        assertEquals(expectedAhead, judge.awaitIdleSlots(), "slots holding a sandbox started ahead");
        return judge.sandbox().sandboxesStarted();
    }

    private static String caseProgram(String folder) throws IOException {
        return Files.readString(JudgeCasesTest.resource("judge-cases/tiny-sum/" + folder).resolve("main.py"));
    }
}
