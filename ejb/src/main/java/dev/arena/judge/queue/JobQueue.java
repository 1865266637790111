package dev.arena.judge.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * A reliable queue of job ids shared by every instance.
 *
 * <p>At least once: a taken job stays pending until {@link #ack}; a job pending longer than the visibility
 * timeout without a {@link #touch} is handed to a worker that asks after that (an implementation may look for
 * such jobs only periodically, so up to its reclaim interval later). Jobs are therefore processed
 * idempotently by their consumers. Thread-safe.
 */
public interface JobQueue {

    void enqueue(String jobId);

    /**
     * The next job for this worker: a job abandoned by another worker (pending beyond the visibility timeout) if
     * this take looks for one and finds one, otherwise a new one, waiting at most {@code wait}. One job per take.
     */
    Optional<Job> take(String worker, Duration wait);

    /** The job is done (successfully or for good); it is never delivered again. */
    void ack(Job job);

    /**
     * The worker still holds the job: restart its visibility timeout.
     *
     * @return false if the job is no longer this worker's (acknowledged, or taken over after a timeout); nothing
     *         changes then
     */
    boolean touch(String worker, Job job);

    /** Jobs not yet taken. */
    long waiting();

    /** Jobs taken and not yet acknowledged. */
    long inFlight();

    /**
     * A taken job.
     *
     * @param deliveries how many times it has been handed out, this time included
     */
    record Job(String id, String entryId, long deliveries) {
    }
}
