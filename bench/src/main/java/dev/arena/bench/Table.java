package dev.arena.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The summary table: Arena against the Socket.IO peer, and the judge's own targets. */
final class Table {

    private static final String FLOOR = "  (container floor: Payara's I/O alone)";

    private Table() {
    }

    static void print(Results r, PrintStream out) {
        out.printf(Locale.ROOT, "%-50s %12s %12s %8s  %-26s %s%n", "metric", "arena", "socket.io", "ratio",
                "target", "status");
        out.println("-".repeat(122));
        comparison(out, "delivered msgs/s at the knee (p99 < 50 ms)", r.get("arena.knee"), r.get("socketio.knee"),
                "%.0f", ratio -> ratio >= 1.25, ">= 1.25x peer", true);
        // The container floor (bench/floor): Payara Micro reading and writing the same frames, nothing else.
        comparison(out, FLOOR, r.get("floor.knee"), r.get("socketio.knee"), "%.0f", ratio -> true, "information",
                false);
        double arenaP99 = r.get("arena.fanout.p99_us") / 1000;
        double peerP99 = r.get("socketio.fanout.p99_us") / 1000;
        comparison(out, "p99 ms at 5,000 deliveries/s (100 rooms x 6)", arenaP99, peerP99, "%.2f",
                ratio -> ratio <= 1.0 && arenaP99 < 5, "<= peer and < 5 ms", true);
        comparison(out, FLOOR, r.get("floor.fanout.p99_us") / 1000, peerP99, "%.2f", ratio -> true, "information",
                false);
        // The target counts what each system needs to deliver: its processes and the Redis they share.
        double peerCpu = r.get("socketio.fanout.server_cpu_us") + r.get("socketio.fanout.redis_cpu_us");
        comparison(out, "server CPU us per delivery at 5,000/s (+ Redis)",
                r.get("arena.fanout.server_cpu_us") + r.get("arena.fanout.redis_cpu_us"), peerCpu, "%.1f",
                ratio -> ratio <= 0.67, "<= 0.67x peer", true);
        comparison(out, FLOOR + ", no Redis", r.get("floor.fanout.server_cpu_us"), peerCpu, "%.1f", ratio -> true,
                "information", false);
        comparison(out, "  (the instances / processes alone)", r.get("arena.fanout.server_cpu_us"),
                r.get("socketio.fanout.server_cpu_us"), "%.1f", ratio -> true, "information", false);
        comparison(out, "  (Redis alone)", r.get("arena.fanout.redis_cpu_us"),
                r.get("socketio.fanout.redis_cpu_us"), "%.1f", ratio -> true, "information", false);
        // Arena's instances touch their whole fixed heap at start (bin/cluster): their RSS then grows only outside
        // the heap, and a connection's share of the heap is its live heap. The peer's RSS holds its heap.
        comparison(out, "memory KiB per idle connection (settled)",
                r.get("arena.rss_per_conn_kib") + r.get("arena.heap_per_conn_kib"), r.get("socketio.rss_per_conn_kib"),
                "%.1f", ratio -> ratio <= 2.0, "<= 2x peer", true);
        comparison(out, "  (RSS growth KiB per idle connection)", r.get("arena.rss_per_conn_kib"),
                r.get("socketio.rss_per_conn_kib"), "%.1f", ratio -> true, "information", false);
        comparison(out, "  (RSS growth KiB per idle connection, held)", r.get("arena.rss_per_conn_held_kib"),
                r.get("socketio.rss_per_conn_held_kib"), "%.1f", ratio -> true, "information", false);
        comparison(out, "  (live heap KiB per idle connection, full GC)", r.get("arena.heap_per_conn_kib"),
                Double.NaN, "%.1f", ratio -> true, "information", false);
        single(out, "judge python A+B submit->verdict p50 ms", r.get("judge.python.p50_us") / 1000, "%.0f",
                v -> v < 150, "< 150 ms (idle cluster)");
        single(out, "judge python A+B submit->verdict p99 ms", r.get("judge.python.p99_us") / 1000, "%.0f",
                null, "information");
        single(out, "judge cpp A+B submit->verdict p50 ms", r.get("judge.cpp.p50_us") / 1000, "%.0f",
                null, "information");
        single(out, "judge cpp A+B submit->verdict p99 ms", r.get("judge.cpp.p99_us") / 1000, "%.0f",
                null, "information");
        single(out, "judge python A+B in the engine alone p50 ms", r.get("sandbox.python.engine_judge_p50_us") / 1000,
                "%.0f", null, "information");
        single(out, "  (its tests, no judge: the program alone)", r.get("sandbox.python.alone_us") / 1000,
                "%.0f", null, "information");
        single(out, "  (its tests, no judge, two at a time)", r.get("sandbox.python.alone_two_at_a_time_us") / 1000,
                "%.0f", null, "information");
        single(out, "judge cpp A+B in the engine alone p50 ms", r.get("sandbox.cpp.engine_judge_p50_us") / 1000,
                "%.0f", null, "information");
        single(out, "judge python submissions/s (cluster)", r.get("judge.python.per_s"), "%.2f", null, "information");
        single(out, "judge cpp submissions/s (cluster)", r.get("judge.cpp.per_s"), "%.2f", null, "information");
        single(out, "sandbox overhead per run, cpp, p50 ms", r.get("sandbox.cpp.overhead_us") / 1000, "%.1f",
                v -> v <= 15, "<= 15 ms");
        single(out, "sandbox overhead per run, python, p50 ms", r.get("sandbox.python.overhead_us") / 1000, "%.1f",
                v -> v <= 15, "<= 15 ms");
        single(out, "sandbox of its own per run, python, overhead p50 ms",
                r.get("sandbox.python.single_overhead_us") / 1000, "%.1f", null, "information");
        single(out, "queue no-op jobs/s, one at a time", r.get("queue.sequential_per_s"), "%.0f", null, "information");
        single(out, "queue no-op jobs/s, producer + workers", r.get("queue.concurrent_per_s"), "%.0f",
                v -> v >= 5000, ">= 5,000/s");
        String machine = r.text("machine");
        if (!machine.isEmpty()) {
            out.println();
            out.println("machine: " + machine);
        }
    }

    private static void comparison(PrintStream out, String name, double arena, double peer, String format,
                                   java.util.function.DoublePredicate met, String target, boolean judged) {
        double ratio = arena / peer;
        String status = !judged ? "" : Double.isNaN(ratio) ? "not measured" : met.test(ratio) ? "met" : "MISSED";
        out.printf(Locale.ROOT, "%-50s %12s %12s %8s  %-26s %s%n", name, fmt(format, arena), fmt(format, peer),
                fmt("%.2fx", ratio), target, status);
    }

    private static void single(PrintStream out, String name, double value, String format,
                               java.util.function.DoublePredicate met, String target) {
        String status = met == null ? "" : Double.isNaN(value) ? "not measured" : met.test(value) ? "met" : "MISSED";
        out.printf(Locale.ROOT, "%-50s %12s %12s %8s  %-26s %s%n", name, fmt(format, value), "", "", target, status);
    }

    private static String fmt(String format, double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, format, value);
    }
}
