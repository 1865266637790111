package dev.arena.rooms.redis;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Optional threads that deliver what the Redis subscriber receives, so that its thread only reads and hands off:
 * writing a message to every local member of a room never delays reading the next message from Redis, and
 * an instance's fan-out can use more than one core. Work of one key (a channel) always runs on the same lane,
 * in the order it was handed in, so each room's messages stay in order.
 *
 * <p>With no lanes the subscriber's thread delivers itself: on a host with few cores the hand-off (a wake-up
 * per message) costs more than the parallelism gains.
 *
 * <p>A lane's queue is bounded: when deliveries fall that far behind, the subscriber waits, Redis buffers for it,
 * and past Redis' own limit it drops the connection; the broker then reconnects and the rooms fill the gap from
 * their history. Memory stays bounded either way.
 */
final class DeliveryLanes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryLanes.class.getName());

    private final Lane[] lanes;

    DeliveryLanes(int count, int capacityPerLane, ThreadFactory threads) {
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane(new ArrayBlockingQueue<>(capacityPerLane));
            Thread thread = threads.newThread(lanes[i]);
            thread.setName("room-delivery-" + (i + 1));
            thread.setDaemon(true);
            lanes[i].thread = thread;
        }
    }

    void start() {
        for (Lane lane : lanes) {
            lane.thread.start();
        }
    }

    /** Queues the work on the key's lane; waits while that lane is full. Without lanes, runs it at once. */
    void execute(String key, Runnable work) throws InterruptedException {
        if (lanes.length == 0) {
            runSafely(work);
            return;
        }
        lanes[Math.floorMod(key.hashCode(), lanes.length)].queue.put(work);
    }

    private static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // One bad delivery must not stop the lane (and with it a share of every room).
            LOG.log(Level.WARNING, "Delivery failed", e);
        }
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
    }

    private static final class Lane implements Runnable {
        final BlockingQueue<Runnable> queue;
        Thread thread;

        Lane(BlockingQueue<Runnable> queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    runSafely(queue.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
