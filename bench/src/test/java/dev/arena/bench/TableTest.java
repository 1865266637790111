package dev.arena.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    @TempDir
    Path dir;

    @Test
    void serverCpuIsJudgedWithRedisIncluded() throws IOException {
        Results results = new Results(dir.resolve("results.properties"));
        // Alone, the instances would meet the target (60 <= 0.67 x 100); with Redis they do not (90 > 0.67 x 110).
        results.put("arena.fanout.server_cpu_us", 60);
        results.put("arena.fanout.redis_cpu_us", 30);
        results.put("socketio.fanout.server_cpu_us", 100);
        results.put("socketio.fanout.redis_cpu_us", 10);

        String table = print(results);

        assertTrue(table.matches("(?s).*server CPU us per delivery at 5,000/s \\(\\+ Redis\\) +90\\.0 +110\\.0 +0\\.82x"
                + " +<= 0\\.67x peer +MISSED\n.*"), table);
        assertTrue(table.matches("(?s).*\\(the instances / processes alone\\) +60\\.0 +100\\.0 +0\\.60x +information.*"),
                table);
        assertTrue(table.matches("(?s).*\\(Redis alone\\) +30\\.0 +10\\.0 +3\\.00x +information.*"), table);
    }

    @Test
    void theContainerFloorIsShownBesideThePeerAndNotJudged() throws IOException {
        Results results = new Results(dir.resolve("results.properties"));
        results.put("arena.knee", 15000);
        results.put("socketio.knee", 20000);
        results.put("floor.knee", 35000);
        results.put("socketio.fanout.server_cpu_us", 80);
        results.put("socketio.fanout.redis_cpu_us", 20);
        results.put("floor.fanout.server_cpu_us", 55);

        String table = print(results);

        assertTrue(table.matches("(?s).*knee \\(p99 < 50 ms\\) +15000 +20000 +0\\.75x +>= 1\\.25x peer +MISSED\n"
                + "  \\(container floor: Payara's I/O alone\\) +35000 +20000 +1\\.75x +information *\n.*"), table);
        // Against the peer's whole cost, Redis included, as the judged row above it.
        assertTrue(table.matches("(?s).*\\(container floor: Payara's I/O alone\\), no Redis +55\\.0 +100\\.0"
                + " +0\\.55x +information.*"), table);
    }

    private static String print(Results results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Table.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
