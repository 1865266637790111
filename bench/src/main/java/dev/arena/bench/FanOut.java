package dev.arena.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Room fan-out: R rooms of M members, each room's members spread over every instance, one publisher per room
 * (its first member, which also receives its own messages). Publishes are paced evenly over all rooms to a
 * target delivery rate; each carries the tool's send time and the publisher's sequence number. A step is a
 * warm-up followed by a measured window; a sweep runs steps of rising rates over the same sockets.
 */
final class FanOut implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());
    /** Where a message's payload starts, and its two numbers: the send time and the sequence number. */
    private static final byte[] DATA = Wire.ascii("\"data\"");
    private static final byte[] SENT = Wire.ascii("\"t\":");
    private static final byte[] SEQ = Wire.ascii("\"s\":");

    /** One measured step. Latencies in microseconds; CPU in microseconds per delivered message. */
    record Step(String target, int rooms, int members, double targetRate, double publishedPerSec,
                double deliveredPerSec, long p50, long p99, long p999, long max, long expected, long lost,
                long outOfOrder, long errors, double serverCpuPerDelivery, double redisCpuPerDelivery,
                double toolCpuPerDelivery, String serverCpuPercents, double redisCpuPercent, double toolCpuPercent) {
    }

    private final Target target;
    private final int rooms;
    private final int members;
    private final String[] roomNames;
    private final long[] nextPublishSeq;
    private final List<Conn> conns;

    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile long[] stepFirstSeq;
    private volatile Histogram latencies = new Histogram();
    private final LongAdder stepDelivered = new LongAdder();
    private final LongAdder windowDelivered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLong firstErrorLogged = new AtomicLong();

    FanOut(Target target, int rooms, int members) throws InterruptedException {
        this.target = target;
        this.rooms = rooms;
        this.members = members;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        this.roomNames = new String[rooms];
        for (int r = 0; r < rooms; r++) {
            roomNames[r] = "fan-" + run + "-" + r;
        }
        this.nextPublishSeq = new long[rooms];
        this.stepFirstSeq = new long[rooms];
        long opening = System.nanoTime();
        // Member j of room r goes to instance (r + j) mod n: every room spans every instance, and the
        // publishers (member 0) are spread evenly too. Rooms kept together: room r on instance r mod n.
        java.util.function.IntUnaryOperator instanceOf = target.roomsTogether ? i -> i / members
                : i -> i / members + i % members;
        this.conns = target.open(rooms * members, instanceOf, i -> roomNames[i / members],
                i -> "fan" + i, this::onFrame, 200, Duration.ofSeconds(120), 0);
        LOG.log(Level.INFO, "{0}: {1} sockets in {2} rooms open in {3} ms", new Object[]{target.name,
                conns.size(), rooms, (System.nanoTime() - opening) / 1_000_000});
    }

    private void onFrame(Conn conn, Wire.Kind kind, byte[] frame, int offset, int length) {
        if (kind == Wire.Kind.ERROR) {
            errors.increment();
            if (firstErrorLogged.getAndIncrement() == 0) {
                LOG.log(Level.WARNING, "error frame: {0}", new String(frame, offset, length, StandardCharsets.UTF_8));
            }
            return;
        }
        if (kind != Wire.Kind.MESSAGE) {
            return;
        }
        // The receive time, taken per frame as soon as it is parsed from the socket's latest read.
        long now = System.nanoTime();
        int end = offset + length;
        int data = Math.max(offset, Wire.indexOf(frame, offset, end, DATA));
        long sent = Wire.longField(frame, data, end, SENT);
        long seq = Wire.longField(frame, data, end, SEQ);
        if (sent == Long.MIN_VALUE || seq == Long.MIN_VALUE) {
            return;
        }
        // Every frame is handled on the one socket loop thread, so a socket's own counters need no synchronisation.
        if (seq < conn.nextSeq) {
            conn.outOfOrder++;
        } else {
            conn.nextSeq = seq + 1;
        }
        if (seq >= stepFirstSeq[conn.index / members]) {
            stepDelivered.increment();
        }
        if (now >= windowStart && now < windowEnd) {
            windowDelivered.increment();
        }
        if (sent >= windowStart && sent < windowEnd) {
            latencies.record((now - sent) / 1000);
        }
    }

    /** Publishes paced to {@code deliveriesPerSecond} for warm-up + window and measures the window. */
    Step step(double deliveriesPerSecond, Duration warmup, Duration window) throws InterruptedException {
        latencies = new Histogram();
        stepDelivered.reset();
        windowDelivered.reset();
        errors.reset();
        long outOfOrderBefore = conns.stream().mapToLong(c -> c.outOfOrder).sum();
        stepFirstSeq = nextPublishSeq.clone();

        double publishesPerSecond = deliveriesPerSecond / members;
        double interval = 1e9 / publishesPerSecond;
        long start = System.nanoTime();
        windowStart = start + warmup.toNanos();
        windowEnd = windowStart + window.toNanos();
        long serverCpu0 = 0;
        long redisCpu0 = 0;
        long toolCpu0 = 0;
        long[] perServer0 = null;
        boolean inWindow = false;
        long publishedInWindow = 0;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * interval);
            if (due >= windowEnd) {
                break;
            }
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            if (!inWindow && now >= windowStart) {
                inWindow = true;
                perServer0 = perServerCpu();
                serverCpu0 = sum(perServer0);
                redisCpu0 = redisCpuMicros();
                toolCpu0 = Proc.cpuMicros(-1);
            }
            publish((int) (i % rooms));
            if (inWindow) {
                publishedInWindow++;
            }
        }
        long now;
        while ((now = System.nanoTime()) < windowEnd) {
            LockSupport.parkNanos(windowEnd - now);
        }
        if (perServer0 == null) {
            perServer0 = perServerCpu();
            serverCpu0 = sum(perServer0);
            redisCpu0 = redisCpuMicros();
            toolCpu0 = Proc.cpuMicros(-1);
        }
        long[] perServer1 = perServerCpu();
        long serverCpu = sum(perServer1) - serverCpu0;
        long redisCpu = redisCpuMicros() - redisCpu0;
        long toolCpu = Proc.cpuMicros(-1) - toolCpu0;

        long expected = 0;
        for (int r = 0; r < rooms; r++) {
            expected += (nextPublishSeq[r] - stepFirstSeq[r]) * members;
        }
        // Let late deliveries arrive before counting losses.
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stepDelivered.sum() < expected && System.nanoTime() < drainDeadline) {
            Thread.sleep(50);
        }
        double seconds = window.toNanos() / 1e9;
        long delivered = windowDelivered.sum();
        Histogram h = latencies;
        StringBuilder percents = new StringBuilder();
        for (int s = 0; s < perServer1.length; s++) {
            percents.append(s == 0 ? "" : "/").append(Math.round((perServer1[s] - perServer0[s]) / seconds / 1e4));
        }
        double perDelivery = delivered == 0 ? Double.NaN : 1.0 / delivered;
        return new Step(target.name, rooms, members, deliveriesPerSecond, publishedInWindow / seconds,
                delivered / seconds, h.percentile(0.50), h.percentile(0.99), h.percentile(0.999), h.max(),
                expected, Math.max(0, expected - stepDelivered.sum()),
                conns.stream().mapToLong(c -> c.outOfOrder).sum() - outOfOrderBefore, errors.sum(),
                serverCpu * perDelivery, redisCpu * perDelivery, toolCpu * perDelivery, percents.toString(),
                redisCpu / seconds / 1e4, toolCpu / seconds / 1e4);
    }

    /** The room's next message, stamped with its send time; a method of its own so that the JIT compiles it early. */
    private void publish(int room) {
        long seq = nextPublishSeq[room]++;
        conns.get(room * members).send(target.wire.publish(roomNames[room], seq,
                "{\"t\":" + System.nanoTime() + ",\"s\":" + seq + "}"));
    }

    /** A system with no Redis (the container floor) spends none there. */
    private long redisCpuMicros() {
        return target.redisPid < 0 ? 0 : Proc.cpuMicros(target.redisPid);
    }

    private long[] perServerCpu() {
        long[] cpu = new long[target.serverPids.length];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = Proc.cpuMicros(target.serverPids[i]);
        }
        return cpu;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    @Override
    public void close() {
        conns.forEach(Conn::close);
    }
}
