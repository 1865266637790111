package dev.arena.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle connections: opens N sockets spread over the instances and reports each server's resident memory
 * growth per connection once settled and again after a hold, plus (for a JVM, when jcmd is at hand) the
 * live heap after a full GC with the sockets open against the same once they are closed. Arena's
 * instances touch their fixed heap at start, so their RSS grows only outside the heap; a connection's
 * memory there is that growth plus its live heap.
 */
final class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class.getName());
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    record Result(String target, int sockets, double[] settledKibPerConn, double[] heldKibPerConn,
                  double[] heapKibPerConn) {

        double meanSettled() {
            return mean(settledKibPerConn);
        }

        double meanHeld() {
            return mean(heldKibPerConn);
        }

        double meanHeap() {
            return mean(heapKibPerConn);
        }

        private static double mean(double[] values) {
            double sum = 0;
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    private Connections() {
    }

    static Result run(Target target, int sockets, Duration settle, Duration hold, String jcmd)
            throws InterruptedException {
        long[] pids = target.serverPids;
        boolean heap = !jcmd.isEmpty() && target.wire == Wire.ARENA;
        long[] rss0 = rss(pids);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        long opening = System.nanoTime();
        List<Conn> conns = target.open(sockets, i -> "idle-" + run + "-" + (i % 1000), i -> "idle" + i,
                (conn, kind, data, offset, length) -> { }, 500, Duration.ofSeconds(300), sockets / 100);
        LOG.log(Level.INFO, "{0}: {1} idle sockets open in {2} ms",
                new Object[]{target.wire.name(), conns.size(), (System.nanoTime() - opening) / 1_000_000});
        long[] heapWith = null;
        long[] heapWithout = null;
        try {
            TimeUnit.NANOSECONDS.sleep(settle.toNanos());
            long[] rss1 = rss(pids);
            TimeUnit.NANOSECONDS.sleep(hold.toNanos());
            long[] rss2 = rss(pids);
            long open = conns.stream().filter(c -> !c.closed.isDone()).count();
            if (open < conns.size()) {
                LOG.log(Level.WARNING, "{0} of {1} sockets were closed during the hold",
                        new Object[]{conns.size() - open, conns.size()});
            }
            // The heap is measured last, so that forced collections do not disturb the RSS readings: with the
            // sockets open, then again once they are closed.
            if (heap) {
                heapWith = heapAfterGc(jcmd, pids);
                conns.forEach(Conn::close);
                TimeUnit.SECONDS.sleep(5);
                heapWithout = heapAfterGc(jcmd, pids);
            }
            // Growth is divided by the sockets that actually opened (a few may be refused under load).
            double perInstance = (double) conns.size() / pids.length;
            double[] settled = new double[pids.length];
            double[] held = new double[pids.length];
            double[] heapPer = new double[pids.length];
            for (int i = 0; i < pids.length; i++) {
                settled[i] = (rss1[i] - rss0[i]) / perInstance;
                held[i] = (rss2[i] - rss0[i]) / perInstance;
                heapPer[i] = heap && heapWith[i] >= 0 && heapWithout[i] >= 0
                        ? (heapWith[i] - heapWithout[i]) / perInstance : Double.NaN;
            }
            return new Result(target.wire.name(), conns.size(), settled, held, heapPer);
        } finally {
            conns.forEach(Conn::close);
        }
    }

    private static long[] rss(long[] pids) {
        long[] rss = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            rss[i] = Proc.rssKib(pids[i]);
        }
        return rss;
    }

    /** Used heap in KiB after a full GC, per pid (-1 where jcmd failed). */
    private static long[] heapAfterGc(String jcmd, long[] pids) {
        long[] used = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            used[i] = -1;
            try {
                exec(jcmd, Long.toString(pids[i]), "GC.run");
                Matcher m = HEAP_USED.matcher(exec(jcmd, Long.toString(pids[i]), "GC.heap_info"));
                if (m.find()) {
                    used[i] = Long.parseLong(m.group(1));
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "jcmd failed for pid {0}: {1}", new Object[]{pids[i], e.getMessage()});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return used;
            }
        }
        return used;
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }
}
