package dev.arena.judge.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The supported languages. Adding one is adding a factory here and a self-test program. */
public final class Languages {

    /** Reads "a b" from stdin and prints a + b: what every language compiles and runs at start-up. */
    public static final Map<String, String> SELF_TEST_PROGRAMS = Map.of(
            "python", "a, b = map(int, input().split())\nprint(a + b)\n",
            "cpp", "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}\n",
            "java", "import java.util.Scanner;\npublic class Main { public static void main(String[] args) {"
                    + " Scanner in = new Scanner(System.in); System.out.println(in.nextLong() + in.nextLong()); } }\n",
            "javascript", "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
                    + "console.log(a + b);\n");

    private Languages() {
    }

    /** Every supported language, in a stable order, with Java compiled and run by {@code javaHome}. */
    public static Map<String, LanguageRuntime> all(Path javaHome) {
        Map<String, LanguageRuntime> all = new LinkedHashMap<>();
        for (LanguageRuntime runtime : List.of(python(), java(javaHome), cpp(), javascript())) {
            all.put(runtime.id(), runtime);
        }
        return all;
    }

    public static LanguageRuntime python() {
        return new LanguageRuntime("python", "main.py",
                List.of("python3", "-B", "-c",
                        "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')", "main.py"), true,
                List.of("python3", "-B", "main.py"),
                3.0, 0, 32, true,
                List.of("MemoryError"),
                List.of());
    }

    public static LanguageRuntime cpp() {
        return new LanguageRuntime("cpp", "main.cpp",
                List.of("g++", "-O2", "-std=c++17", "-pipe", "-o", "main", "main.cpp"), false,
                List.of("./main"),
                1.0, 0, 32, true,
                List.of("std::bad_alloc"),
                List.of());
    }

    /** Node sizes its heap from the limit; V8 reserves too much address space for RLIMIT_AS. */
    public static LanguageRuntime javascript() {
        return new LanguageRuntime("javascript", "main.js",
                List.of("node", "--check", "main.js"), true,
                List.of("node", "--max-old-space-size=" + LanguageRuntime.MEMORY_MB, "main.js"),
                1.5, 200, 96, false,
                List.of("JavaScript heap out of memory", "Allocation failed"),
                List.of());
    }

    /**
     * javac once, then a JVM whose heap is the problem's memory limit; the cgroup allows 128 MiB
     * more for metaspace, code cache and thread stacks (the JVM does not size itself from the
     * cgroup).
     */
    public static LanguageRuntime java(Path javaHome) {
        String bin = javaHome.resolve("bin").toString();
        return new LanguageRuntime("java", "Main.java",
                List.of(bin + "/javac", "-J-Xmx384m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1",
                        "-J-XX:-UsePerfData", "-encoding", "UTF-8", "-nowarn", "-d", ".", "Main.java"), false,
                List.of(bin + "/java", "-Xmx" + LanguageRuntime.MEMORY_MB + "m", "-Xss64m", "-XX:+UseSerialGC",
                        "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=96m", "-XX:-UsePerfData",
                        "-Xshare:auto", "-cp", ".", "Main"),
                1.5, 500, 128, false,
                List.of("java.lang.OutOfMemoryError: Java heap space", "Requested array size exceeds VM limit"),
                javaPaths(javaHome));
    }

    /** A JDK outside /usr, and the files a distribution JDK links to under /etc, must be bound too. */
    private static List<Path> javaPaths(Path javaHome) {
        List<Path> paths = new ArrayList<>();
        Path home = javaHome.toAbsolutePath().normalize();
        if (!home.startsWith("/usr")) {
            paths.add(home);
        }
        for (String linked : List.of("conf", "lib/jvm.cfg")) {
            Path link = home.resolve(linked);
            if (Files.isSymbolicLink(link)) {
                try {
                    Path target = link.toRealPath();
                    Path bind = Files.isDirectory(target) ? target : target.getParent();
                    if (!bind.startsWith("/usr") && !paths.contains(bind)) {
                        paths.add(bind);
                    }
                } catch (IOException e) {
                    // A dangling link: the self-test will report the JDK as broken.
                }
            }
        }
        return paths;
    }
}
