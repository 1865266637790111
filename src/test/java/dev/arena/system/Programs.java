package dev.arena.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Programs for the bundled problem {@value JudgeApi#PROBLEM} (print the sum of each pair
 * of a list), each with the verdict the judge must give it. The accepted ones are the
 * problem's own reference solutions, read from the repository (the test JVM runs in its
 * root), so these tests follow the problem if it changes. The directory can be replaced
 * with {@code -Darena.solutions=...}.
 */
final class Programs {

    private static final Path SOLUTIONS = Path.of(System.getProperty("arena.solutions",
            "ejb/src/main/resources/judge-problems/" + JudgeApi.PROBLEM + "/solutions"));
    private static final Map<String, String> SOLUTION_FILES = Map.of(
            "python", "main.py", "cpp", "main.cpp", "javascript", "main.js", "java", "Main.java");

    private Programs() {
    }

    /** Source code in a language, and the verdict it must get. */
    record Program(String name, String language, String code, String verdict) {

        @Override
        public String toString() {
            return name + " (" + language + ", expects " + verdict + ")";
        }
    }

    /** The problem's reference solution: {@code ACCEPTED}. */
    static Program reference(String language) {
        String file = SOLUTION_FILES.get(language);
        if (file == null) {
            throw new IllegalArgumentException("no reference solution in " + language);
        }
        try {
            return new Program("reference " + language, language,
                    Files.readString(SOLUTIONS.resolve(file), StandardCharsets.UTF_8), "ACCEPTED");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference solution " + SOLUTIONS.resolve(file)
                    + " (run from the repository root or set -Darena.solutions)", e);
        }
    }

    /** Runs cleanly and prints one wrong number, so the first test fails: {@code WRONG_ANSWER}. */
    static Program wrongAnswer(String language) {
        String code = switch (language) {
            case "python" -> "import sys\nsys.stdin.read()\nprint(0)\n";
            case "javascript" -> "require('fs').readFileSync(0, 'utf8');\nconsole.log(0);\n";
            case "cpp" -> "#include <cstdio>\nint main() { std::puts(\"0\"); return 0; }\n";
            case "java" -> "public class Main { public static void main(String[] args) { System.out.println(0); } }\n";
            default -> throw new IllegalArgumentException(language);
        };
        return new Program("wrong " + language, language, code, "WRONG_ANSWER");
    }

    /** Does not compile: {@code COMPILATION_ERROR}, with the compiler's complaint in {@code compileOutput}. */
    static Program compileError(String language) {
        String code = switch (language) {
            case "cpp" -> "#include <cstdio>\nint main() { return undeclared_name_in_main; }\n";
            case "java" -> "public class Main { public static void main(String[] args) { int x = ; } }\n";
            default -> throw new IllegalArgumentException("no compile step checked for " + language);
        };
        return new Program("uncompilable " + language, language, code, "COMPILATION_ERROR");
    }

    /** Spins forever on the first test: {@code TIME_LIMIT_EXCEEDED}. */
    static Program endlessLoop(String language) {
        String code = switch (language) {
            case "python" -> "while True:\n    pass\n";
            case "javascript" -> "for (;;) {}\n";
            // volatile: an endless loop without side effects is undefined behaviour the optimiser may remove.
            case "cpp" -> "int main() { volatile unsigned long n = 0; for (;;) { n = n + 1; } }\n";
            case "java" -> "public class Main { static volatile long n;"
                    + " public static void main(String[] args) { for (;;) { n++; } } }\n";
            default -> throw new IllegalArgumentException(language);
        };
        return new Program("endless " + language, language, code, "TIME_LIMIT_EXCEEDED");
    }

    /**
     * The Python reference solution that first sleeps {@code perTest} on every test: accepted,
     * but each judging lasts the number of tests times that, while costing almost no CPU.
     */
    static Program slowReference(Duration perTest) {
        String seconds = String.format(Locale.ROOT, "%.3f", perTest.toMillis() / 1000.0);
        String code = "import time\ntime.sleep(" + seconds + ")\n" + reference("python").code();
        return new Program("reference python sleeping " + seconds + " s per test", "python", code, "ACCEPTED");
    }
}
