package dev.arena.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Entry point: {@code BenchMain <fanout|sweep|connections|judge|sandbox|queue|table> --key=value...}.
 * Each measurement prints its figures and records them in the results file; {@code table} prints the summary.
 * Progress goes to the log (stderr); the figures, which are this program's product, go to stdout.
 */
public final class BenchMain {

    private static final PrintStream OUT = System.out;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: BenchMain <fanout|sweep|connections|judge|sandbox|queue|table> --key=value...");
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tT] %4$s %5$s%6$s%n");
        Options options = new Options(Arrays.copyOfRange(args, 1, args.length));
        Results results = new Results(Path.of(options.get("results", "run/bench/results.properties")));
        switch (args[0]) {
            case "fanout" -> fanout(options, results);
            case "sweep" -> sweep(options, results);
            case "connections" -> connections(options, results);
            case "judge" -> judge(options, results);
            case "sandbox" -> sandbox(options, results);
            case "queue" -> queue(options, results);
            case "machine" -> results.put("machine", options.get("text", ""));
            case "table" -> Table.print(results, OUT);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        // The judge's JDK HTTP client keeps its selector thread alive; the measurement is over.
        System.exit(0);
    }

    private static void fanout(Options o, Results results) throws Exception {
        try (Target target = new Target(o);
             FanOut fanOut = new FanOut(target, o.getInt("rooms", 100), o.getInt("members", 6))) {
            FanOut.Step s = fanOut.step(o.getDouble("rate", 5000), seconds(o, "warmup", 5), seconds(o, "window", 15));
            print(s);
            String k = s.target() + ".fanout.";
            results.put(k + "rate", s.targetRate());
            results.put(k + "delivered_per_s", s.deliveredPerSec());
            results.put(k + "p50_us", s.p50());
            results.put(k + "p99_us", s.p99());
            results.put(k + "p999_us", s.p999());
            results.put(k + "max_us", s.max());
            results.put(k + "lost", s.lost());
            results.put(k + "out_of_order", s.outOfOrder());
            results.put(k + "server_cpu_us", s.serverCpuPerDelivery());
            results.put(k + "redis_cpu_us", s.redisCpuPerDelivery());
            results.put(k + "tool_cpu_us", s.toolCpuPerDelivery());
        }
    }

    private static void sweep(Options o, Results results) throws Exception {
        double p99Limit = o.getDouble("p99-limit-ms", 50) * 1000;
        double knee = 0;
        try (Target target = new Target(o);
             FanOut fanOut = new FanOut(target, o.getInt("rooms", 100), o.getInt("members", 6))) {
            for (String rate : o.get("rates", "500,1000,2000,5000,10000,15000,20000,25000,30000,35000,40000,60000").split(",")) {
                FanOut.Step s = fanOut.step(Double.parseDouble(rate), seconds(o, "warmup", 3), seconds(o, "window", 8));
                print(s);
                boolean healthy = s.p99() < p99Limit && s.deliveredPerSec() >= 0.9 * s.targetRate()
                        && s.lost() <= s.expected() / 1000;
                if (!healthy) {
                    OUT.printf(Locale.ROOT, "%s: knee passed at target %s/s (p99 limit %.0f ms)%n", s.target(), rate,
                            p99Limit / 1000);
                    break;
                }
                knee = Math.max(knee, s.deliveredPerSec());
            }
            OUT.printf(Locale.ROOT, "%s: knee = %.0f delivered msgs/s with p99 < %.0f ms%n", target.name, knee,
                    p99Limit / 1000);
            results.put(target.name + ".knee", knee);
        }
    }

    private static void connections(Options o, Results results) throws Exception {
        try (Target target = new Target(o)) {
            Connections.Result r = Connections.run(target, o.getInt("sockets", 10_000), seconds(o, "settle", 10),
                    seconds(o, "hold", 30), o.get("jcmd", ""));
            OUT.printf(Locale.ROOT, "%s: %d idle sockets; RSS KiB per connection per instance settled %s, after hold %s;"
                            + " heap KiB per connection after GC %s%n", r.target(), r.sockets(),
                    list(r.settledKibPerConn()), list(r.heldKibPerConn()), list(r.heapKibPerConn()));
            results.put(r.target() + ".rss_per_conn_kib", r.meanSettled());
            results.put(r.target() + ".rss_per_conn_held_kib", r.meanHeld());
            if (!Double.isNaN(r.meanHeap())) {
                results.put(r.target() + ".heap_per_conn_kib", r.meanHeap());
            }
        }
    }

    private static void judge(Options o, Results results) throws Exception {
        try (Target target = new Target(o)) {
            JudgeBench bench = new JudgeBench(target, o.getInt("users", 40));
            try {
                Path solutions = Path.of(o.get("solutions", "ejb/src/main/resources/judge-problems/a-plus-b/solutions"));
                for (String language : o.get("languages", "python,cpp").split(",")) {
                    JudgeBench.Result r = bench.run(language, JudgeBench.solution(solutions, language),
                            o.getInt("warm-up", 10), o.getInt("sequential", 20),
                            Duration.ofMillis(o.getInt("pause-ms", 300)), o.getInt("concurrent", 24),
                            o.getInt("in-flight", 6));
                    OUT.printf(Locale.ROOT, "judge %s: one at a time x%d: submit->verdict p50 %.0f ms p99 %.0f ms;"
                                    + " %d with %d in flight: %.2f submissions/s; verdicts %s%n", language,
                            r.sequential(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.concurrent(), r.inFlight(),
                            r.perSecond(), r.verdicts());
                    results.put("judge." + language + ".p50_us", r.p50Micros());
                    results.put("judge." + language + ".p99_us", r.p99Micros());
                    results.put("judge." + language + ".per_s", r.perSecond());
                    results.put("judge." + language + ".not_accepted", r.notAccepted());
                }
            } finally {
                bench.close();
            }
        }
    }

    private static void sandbox(Options o, Results results) throws Exception {
        Path problem = Path.of(o.get("problem", "ejb/src/main/resources/judge-problems/a-plus-b"));
        for (String language : o.get("languages", "cpp,python").split(",")) {
            SandboxBench.Result r = SandboxBench.run(language, problem, o.getInt("runs", 30), o.getInt("uid", 61950));
            OUT.printf(Locale.ROOT, "sandbox %s (%s), %d iterations of %d inputs, per run p50: bare %.1f ms;"
                            + " one sandbox for all inputs %.1f ms (without cgroups %.1f ms); overhead %.1f ms."
                            + " A sandbox per run: %.1f ms against %.1f ms bare, overhead %.1f ms%n", language,
                    r.cgroups(), r.runs(), r.inputs(), r.bareP50Micros() / 1000.0, r.sandboxP50Micros() / 1000.0,
                    r.rlimitsOnlyP50Micros() / 1000.0, r.overheadP50Micros() / 1000.0, r.singleP50Micros() / 1000.0,
                    r.bareSingleP50Micros() / 1000.0, r.singleOverheadP50Micros() / 1000.0);
            results.put("sandbox." + language + ".overhead_us", r.overheadP50Micros());
            results.put("sandbox." + language + ".bare_p50_us", r.bareP50Micros());
            results.put("sandbox." + language + ".sandbox_p50_us", r.sandboxP50Micros());
            results.put("sandbox." + language + ".rlimits_only_p50_us", r.rlimitsOnlyP50Micros());
            results.put("sandbox." + language + ".single_overhead_us", r.singleOverheadP50Micros());
            if (language.equals("python")) {
                programAlone(problem, o.getInt("runs", 30), results);
            }
        }
        int judgeRuns = o.getInt("judge-runs", 10);
        for (String language : judgeRuns > 0 ? o.get("languages", "cpp,python").split(",") : new String[0]) {
            long p50 = SandboxBench.judge(language, problem, judgeRuns, o.getInt("judge-uid", 61960));
            OUT.printf(Locale.ROOT, "judge engine %s A+B (Judge#judge in process, no queue or events), %d runs:"
                    + " p50 %.1f ms%n", language, judgeRuns, p50 / 1000.0);
            results.put("sandbox." + language + ".engine_judge_p50_us", p50);
        }
    }

    private static void programAlone(Path problem, int series, Results results) throws Exception {
        ProgramAlone.Result r = ProgramAlone.run(problem.resolve("solutions").resolve("main.py"),
                problem.resolve("tests"), series);
        OUT.printf(Locale.ROOT, "python A+B's tests with no judge (a fork of a warm interpreter per test, no sandbox),"
                        + " %d series, p50 of all tests: %.1f ms one at a time, %.1f ms two at a time%n", series,
                r.oneAtATimeMicros() / 1000.0, r.twoAtATimeMicros() / 1000.0);
        results.put("sandbox.python.alone_us", r.oneAtATimeMicros());
        results.put("sandbox.python.alone_two_at_a_time_us", r.twoAtATimeMicros());
    }

    private static void queue(Options o, Results results) throws Exception {
        QueueBench.Result r = QueueBench.run(o.getInt("redis-port", 6383), o.getInt("sequential", 2000),
                o.getInt("concurrent", 20_000), o.getInt("workers", 4));
        OUT.printf(Locale.ROOT, "queue: %d jobs one at a time: %.0f jobs/s; %d jobs, 1 producer + %d workers: %.0f jobs/s"
                        + " (%d threads on one pool of at most %d connections, %d opened)%n",
                r.sequentialJobs(), r.sequentialPerSecond(), r.concurrentJobs(), r.workers(), r.concurrentPerSecond(),
                r.workers() + 1, r.poolMax(), r.poolCreated());
        results.put("queue.sequential_per_s", r.sequentialPerSecond());
        results.put("queue.concurrent_per_s", r.concurrentPerSecond());
    }

    private static void print(FanOut.Step s) {
        OUT.printf(Locale.ROOT, "%s %dx%d target %.0f/s: published %.0f/s delivered %.0f/s | latency ms p50 %.2f"
                        + " p99 %.2f p99.9 %.2f max %.2f | lost %d of %d, out of order %d, error frames %d | CPU us per"
                        + " delivery: servers %.1f (%%CPU %s), redis %.1f (%.0f%%), tool %.1f (%.0f%%)%n",
                s.target(), s.rooms(), s.members(), s.targetRate(), s.publishedPerSec(), s.deliveredPerSec(),
                s.p50() / 1000.0, s.p99() / 1000.0, s.p999() / 1000.0, s.max() / 1000.0, s.lost(), s.expected(),
                s.outOfOrder(), s.errors(), s.serverCpuPerDelivery(), s.serverCpuPercents(), s.redisCpuPerDelivery(),
                s.redisCpuPercent(), s.toolCpuPerDelivery(), s.toolCpuPercent());
    }

    private static String list(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.isEmpty() ? "" : "/").append(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v));
        }
        return out.toString();
    }

    private static Duration seconds(Options o, String key, int fallback) {
        return Duration.ofMillis((long) (o.getDouble(key, fallback) * 1000));
    }
}
