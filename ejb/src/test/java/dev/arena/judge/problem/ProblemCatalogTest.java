package dev.arena.judge.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemCatalogTest {

    private static final String GOOD_JSON =
            "{\"title\":\"T\",\"difficulty\":\"easy\",\"timeLimitMs\":1000,\"memoryLimitMb\":64,\"samples\":[\"01\"]}";

    @Test
    void brokenFoldersAreSkippedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        problem(dir, "good", GOOD_JSON, true);
        problem(dir, "bad-json", "{\"title\": ", true);
        problem(dir, "missing-limit", "{\"title\":\"T\",\"memoryLimitMb\":64}", true);
        problem(dir, "unknown-checker", GOOD_JSON.replace("\"samples\"", "\"checker\":\"fuzzy\",\"samples\""), true);
        problem(dir, "no-answer", GOOD_JSON, false);
        Files.delete(problem(dir, "no-statement", GOOD_JSON, true).resolve("statement.md"));

        ProblemCatalog catalog = ProblemCatalog.load(dir);

        assertEquals(List.of(new ProblemSummary("good", "T", "easy")), catalog.list());
    }

    @Test
    void publicViewShowsSamplesButNeitherHiddenTestsNorSolutions(@TempDir Path dir) throws IOException {
        Path folder = problem(dir, "good", GOOD_JSON, true);
        Files.createDirectories(folder.resolve("solutions"));
        Files.writeString(folder.resolve("solutions/main.py"), "print(1)\n");

        ProblemCatalog catalog = ProblemCatalog.load(dir);
        ProblemView view = catalog.view("good", List.of("python")).orElseThrow();

        assertEquals(List.of(new Sample("1 2\n", "3\n")), view.samples());
        assertEquals(List.of("python"), view.languages());
        assertEquals(2, catalog.find("good").orElseThrow().tests().size());
        assertTrue(catalog.find("good").orElseThrow().solution("python").isPresent());
        assertFalse(catalog.view("nope", List.of()).isPresent());
    }

    @Test
    void bundledExamplesLoadCompletely() {
        ProblemCatalog catalog = ProblemCatalog.loadConfigured(Optional.empty());
        assertTrue(catalog.list().size() >= 6, catalog.list().toString());
        for (Problem problem : catalog.all()) {
            assertTrue(problem.tests().size() >= 8, problem.id() + " has few tests");
            assertEquals(4, problem.solutions().size(), problem.id() + " lacks reference solutions");
        }
    }

    private static Path problem(Path dir, String id, String json, boolean withSecondAnswer) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(id).resolve("tests")).getParent();
        Files.writeString(folder.resolve("problem.json"), json);
        Files.writeString(folder.resolve("statement.md"), "# " + id);
        Files.writeString(folder.resolve("tests/01.in"), "1 2\n");
        Files.writeString(folder.resolve("tests/01.out"), "3\n");
        Files.writeString(folder.resolve("tests/02.in"), "2 2\n");
        if (withSecondAnswer) {
            Files.writeString(folder.resolve("tests/02.out"), "4\n");
        }
        return folder;
    }
}
