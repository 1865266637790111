package dev.arena.judge;

import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.sandbox.SlotReaper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Judges every program under {@code judge-cases/<problem>/<lang>_<VERDICT>[_what]/} in the real
 * sandbox and expects the verdict its folder names; then checks that the host is as before (no
 * process of a slot uid, nothing in the slots' cgroups, no work directory, but for the sandboxes
 * started ahead). Also judges every
 * bundled reference solution, which must be accepted. Closing the judge removes the slots' cgroups.
 */
class JudgeCasesTest {

    private static Judge judge;
    private static ProblemCatalog bundled;
    private static ProblemCatalog caseProblems;
    private static Path workRoot;

    @BeforeAll
    static void startJudge() throws IOException {
        workRoot = Files.createTempDirectory("arena-judge-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        // A range of its own, away from the default one that running application instances claim.
        judge = Judge.start(JudgeSettings.defaults().withWorkRoot(workRoot).withFirstUid(62000));
        bundled = ProblemCatalog.loadConfigured(Optional.empty());
        caseProblems = ProblemCatalog.load(resource("judge-case-problems"));
    }

    @AfterAll
    static void removeWorkRoot() throws IOException {
        if (judge != null) {
            judge.close();
            for (int uid : judge.slotUids()) {
                assertEquals(List.of(), cgroupsOf(uid), "slot cgroups left after the judge closed");
                assertEquals(List.of(), SlotReaper.processesOf(uid), "processes left after the judge closed");
            }
        }
        if (workRoot != null) {
            Files.deleteIfExists(workRoot);
        }
    }

    @Test
    void everyLanguagePassedItsSelfTest() {
        assertEquals(Map.of(), judge.disabledLanguages());
        assertEquals(List.of("python", "java", "cpp", "javascript"), List.copyOf(judge.enabledLanguages()));
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> problems = Files.list(resource("judge-cases"))) {
            for (Path problemDir : problems.sorted().toList()) {
                try (Stream<Path> folders = Files.list(problemDir)) {
                    for (Path folder : folders.sorted().toList()) {
                        cases.add(Arguments.of(problemDir.getFileName() + "/" + folder.getFileName(), folder));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseEndsWithTheVerdictItsFolderNames(String name, Path folder) throws Exception {
        String folderName = folder.getFileName().toString();
        String language = folderName.substring(0, folderName.indexOf('_'));
        Verdict expected = expectedVerdict(folderName.substring(language.length() + 1));
        String problemId = folder.getParent().getFileName().toString();
        Problem problem = caseProblems.find(problemId).or(() -> bundled.find(problemId))
                .orElseThrow(() -> new AssertionError("no problem " + problemId));
        Path program;
        try (Stream<Path> files = Files.list(folder)) {
            program = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }

        JudgeResult result = judge.judge(problem, language, Files.readString(program), ProgressListener.NONE);

        assertEquals(expected, result.verdict(), () -> name + " -> " + result);
        assertHostUnchanged();
    }

    static Stream<Arguments> referenceSolutions() {
        return bundled().all().stream().sorted(Comparator.comparing(Problem::id))
                .flatMap(problem -> problem.solutions().entrySet().stream()
                        .map(solution -> Arguments.of(problem.id() + "/" + solution.getKey(), problem.id(),
                                solution.getKey(), solution.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceSolutions")
    void referenceSolutionIsAccepted(String name, String problemId, String language, Path source) throws Exception {
        Problem problem = bundled.find(problemId).orElseThrow();
        List<Integer> reported = new ArrayList<>();

        JudgeResult result = judge.judge(problem, language, Files.readString(source),
                (index, verdict) -> reported.add(index));

        assertEquals(Verdict.ACCEPTED, result.verdict(), () -> name + " -> " + result);
        assertEquals(problem.tests().size(), result.passed());
        assertEquals(problem.tests().size(), reported.size());
        assertHostUnchanged();
    }

    @Test
    void everyBundledProblemLoaded() {
        assertTrue(bundled().list().size() >= 1, "bundled problems: " + bundled().list());
    }

    private static ProblemCatalog bundled() {
        return bundled != null ? bundled : ProblemCatalog.loadConfigured(Optional.empty());
    }

    private static Verdict expectedVerdict(String suffix) {
        for (Verdict verdict : Verdict.values()) {
            if (suffix.equals(verdict.name()) || suffix.startsWith(verdict.name() + "_")) {
                return verdict;
            }
        }
        return fail("folder does not name a verdict: " + suffix);
    }

    /**
     * Nothing of a judging is left: the only processes of a slot uid are the sandbox started ahead for
     * the slot's next judging (bwrap and its runner, in the slot's cgroup), the only work directories
     * theirs.
     */
    static void assertHostUnchanged() throws IOException, InterruptedException {
        Set<Integer> withSandboxAhead = judge.awaitIdleSlots();
        for (int uid : judge.slotUids()) {
            Set<Long> processes = Set.copyOf(SlotReaper.processesOf(uid));
            int expected = withSandboxAhead.contains(uid) ? 2 : 0;
            assertEquals(expected, processes.size(), "processes of slot uid " + uid + ": " + processes);
            // The slot's cgroups are kept between judgings, and hold nothing but the sandbox started ahead.
            for (Path group : cgroupsOf(uid)) {
                assertTrue(group.getFileName().toString().equals("arena-judge-" + uid), "unexpected cgroup " + group);
                assertEquals(processes, pidsIn(group), group + " holds other processes than the slot's sandbox");
            }
        }
        try (Stream<Path> files = Files.list(workRoot)) {
            assertEquals(withSandboxAhead.size(), files.count(), "work directories left behind");
        }
    }

    private static Set<Long> pidsIn(Path group) throws IOException {
        return Files.readAllLines(group.resolve("cgroup.procs")).stream()
                .filter(line -> !line.isBlank()).map(Long::parseLong).collect(Collectors.toSet());
    }

    /** Other judges on the host create and remove groups meanwhile: a vanished directory means a retry. */
    static List<Path> cgroupsOf(int uid) throws IOException {
        String name = "arena-judge-" + uid;
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> groups = Files.walk(Path.of("/sys/fs/cgroup"), 4)) {
                return groups.filter(p -> p.getFileName().toString().equals(name)
                        || p.getFileName().toString().startsWith(name + "-")).toList();
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(JudgeCasesTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
