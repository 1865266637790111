package dev.arena.rooms.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {

    private static final long WAIT_SECONDS = 10;

    private final List<DeliveryLanes> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(DeliveryLanes::close);
    }

    @Test
    void workOfOneKeyRunsInTheOrderItWasHandedIn() throws Exception {
        DeliveryLanes lanes = start(4, 100);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 5_000; i++) {
            int n = i;
            lanes.execute("room:a", () -> seen.add(n));
        }
        lanes.execute("room:a", done::countDown);

        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(IntStream.range(0, 5_000).boxed().toList(), seen);
    }

    @Test
    void aStuckLaneDoesNotHoldUpTheOthers() throws Exception {
        DeliveryLanes lanes = start(2, 100);
        String[] keys = keysOnDifferentLanes(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.execute(keys[0], () -> awaitQuietly(release));

        lanes.execute(keys[1], otherRan::countDown);

        assertTrue(otherRan.await(WAIT_SECONDS, TimeUnit.SECONDS));
        release.countDown();
    }

    @Test
    void aFullLaneMakesTheCallerWaitInsteadOfGrowing() throws Exception {
        DeliveryLanes lanes = start(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lanes.execute("k", () -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertTrue(running.await(WAIT_SECONDS, TimeUnit.SECONDS));
        lanes.execute("k", () -> { });  // fills the queue of one
        CountDownLatch thirdRan = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                lanes.execute("k", thirdRan::countDown);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();

        awaitState(caller, Thread.State.WAITING);
        assertEquals(1, thirdRan.getCount());
        release.countDown();
        assertTrue(thirdRan.await(WAIT_SECONDS, TimeUnit.SECONDS));
        caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(caller.isAlive());
    }

    @Test
    void workThatThrowsDoesNotStopTheLane() throws Exception {
        DeliveryLanes lanes = start(1, 10);
        CompletableFuture<String> after = new CompletableFuture<>();
        lanes.execute("k", () -> {
            throw new IllegalStateException("a broken delivery");
        });

        lanes.execute("k", () -> after.complete("ran"));

        assertEquals("ran", after.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    private DeliveryLanes start(int count, int capacity) {
        DeliveryLanes lanes = new DeliveryLanes(count, capacity, Thread.ofPlatform().factory());
        started.add(lanes);
        lanes.start();
        return lanes;
    }

    /** Keys that the lanes' hash puts on different lanes (as it does for rooms). */
    private static String[] keysOnDifferentLanes(int laneCount) {
        String first = "room:0";
        for (int i = 1; i < 1_000; i++) {
            String other = "room:" + i;
            if (Math.floorMod(other.hashCode(), laneCount) != Math.floorMod(first.hashCode(), laneCount)) {
                return new String[]{first, other};
            }
        }
        throw new AssertionError("no two keys on different lanes");
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (thread.getState() != state) {
            assertTrue(System.nanoTime() < deadline, "thread never reached " + state + ": " + thread.getState());
            Thread.sleep(5);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
