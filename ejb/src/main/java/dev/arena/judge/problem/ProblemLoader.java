package dev.arena.judge.problem;

import dev.arena.judge.check.Checker;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads and validates one problem folder. */
final class ProblemLoader {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<String, String> SOLUTION_FILES = Map.of(
            "python", "main.py", "java", "Main.java", "cpp", "main.cpp", "javascript", "main.js");

    private ProblemLoader() {
    }

    /** @throws InvalidProblemException naming what is wrong */
    static Problem load(Path dir) {
        String id = dir.getFileName().toString();
        if (!ID.matcher(id).matches()) {
            throw new InvalidProblemException("folder name is not a valid id ([A-Za-z0-9_-]{1,64})");
        }
        JsonObject json = readJson(dir.resolve("problem.json"));
        String title = requiredString(json, "title");
        String difficulty = json.containsKey("difficulty") ? requiredString(json, "difficulty") : "medium";
        long timeLimitMs = positive(json, "timeLimitMs");
        int memoryLimitMb = Math.toIntExact(positive(json, "memoryLimitMb"));
        String checkerName = json.containsKey("checker") ? requiredString(json, "checker") : "tokens";
        Checker checker;
        try {
            checker = Checker.named(checkerName);
        } catch (IllegalArgumentException e) {
            throw new InvalidProblemException(e.getMessage());
        }
        String statement = readText(dir.resolve("statement.md"));
        List<TestCase> tests = readTests(dir.resolve("tests"));
        List<Sample> samples = new ArrayList<>();
        if (json.containsKey("samples")) {
            for (JsonValue value : json.getJsonArray("samples")) {
                if (!(value instanceof JsonString name)) {
                    throw new InvalidProblemException("samples must be test names");
                }
                TestCase test = tests.stream().filter(t -> t.name().equals(name.getString())).findFirst()
                        .orElseThrow(() -> new InvalidProblemException("sample '" + name.getString() + "' is not a test"));
                samples.add(new Sample(readText(test.input()), readText(test.answer())));
            }
        }
        return new Problem(id, title, difficulty, timeLimitMs, memoryLimitMb, checkerName, checker, statement,
                samples, tests, solutions(dir.resolve("solutions")), dir);
    }

    private static List<TestCase> readTests(Path testsDir) {
        if (!Files.isDirectory(testsDir)) {
            throw new InvalidProblemException("tests/ is missing");
        }
        TreeMap<String, Path[]> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(testsDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                int dot = fileName.lastIndexOf('.');
                String extension = dot < 0 ? "" : fileName.substring(dot + 1);
                if (!extension.equals("in") && !extension.equals("out")) {
                    continue;
                }
                Path[] pair = byName.computeIfAbsent(fileName.substring(0, dot), name -> new Path[2]);
                pair[extension.equals("in") ? 0 : 1] = file;
            }
        } catch (IOException e) {
            throw new InvalidProblemException("cannot list tests/: " + e.getMessage());
        }
        if (byName.isEmpty()) {
            throw new InvalidProblemException("tests/ holds no tests");
        }
        List<TestCase> tests = new ArrayList<>();
        for (Map.Entry<String, Path[]> entry : byName.entrySet()) {
            Path[] pair = entry.getValue();
            if (pair[0] == null || pair[1] == null) {
                throw new InvalidProblemException("test '" + entry.getKey() + "' lacks its "
                        + (pair[0] == null ? ".in" : ".out") + " file");
            }
            tests.add(new TestCase(tests.size() + 1, entry.getKey(), pair[0], pair[1]));
        }
        return tests;
    }

    private static Map<String, Path> solutions(Path dir) {
        Map<String, Path> found = new TreeMap<>();
        SOLUTION_FILES.forEach((language, file) -> {
            if (Files.isRegularFile(dir.resolve(file))) {
                found.put(language, dir.resolve(file));
            }
        });
        return found;
    }

    private static JsonObject readJson(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader json = Json.createReader(reader)) {
            return json.readObject();
        } catch (IOException | JsonException | ClassCastException e) {
            throw new InvalidProblemException("problem.json unreadable: " + e.getMessage());
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidProblemException(file.getFileName() + " unreadable: " + e);
        }
    }

    private static String requiredString(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonString value) || value.getString().isBlank()) {
            throw new InvalidProblemException("problem.json: '" + key + "' must be a non-empty string");
        }
        return value.getString();
    }

    private static long positive(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonNumber number) || !number.isIntegral() || number.longValue() <= 0) {
            throw new InvalidProblemException("problem.json: '" + key + "' must be a positive integer");
        }
        return number.longValue();
    }

    /** A problem folder that cannot be used; the message says why. */
    static final class InvalidProblemException extends RuntimeException {
        InvalidProblemException(String message) {
            super(message);
        }
    }
}
