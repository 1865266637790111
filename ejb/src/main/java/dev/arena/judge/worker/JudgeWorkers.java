package dev.arena.judge.worker;

import dev.arena.judge.Judge;
import dev.arena.judge.queue.JobQueue;
import dev.arena.platform.InstanceId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The judge workers of this instance, started with the application: one loop per slot, each taking jobs from
 * the shared queue with a short blocking read, so that undeploy drains within about a second (a judging in
 * progress is given time to finish; if it cannot, its job returns to the queue after the visibility timeout).
 */
@Singleton
@Startup
public class JudgeWorkers {

    private static final Logger LOG = Logger.getLogger(JudgeWorkers.class.getName());
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    @Inject
    Judge judge;
    @Inject
    JobQueue queue;
    @Inject
    SubmissionProcessor processor;
    @Inject
    InstanceId instance;
    @Inject
    ManagedExecutorService executor;
    @Inject
    ManagedScheduledExecutorService scheduler;

    private final List<WorkerLoop> loops = new ArrayList<>();
    private CountDownLatch stopped;
    private ScheduledFuture<?> keepClaims;

    @PostConstruct
    void start() {
        int slots = judge.settings().slots();
        stopped = new CountDownLatch(slots);
        for (int slot = 0; slot < slots; slot++) {
            WorkerLoop loop = new WorkerLoop(instance.value() + "#" + slot, queue, processor, POLL, stopped);
            loops.add(loop);
            executor.execute(loop);
        }
        // Jobs being judged are claimed afresh well within the visibility timeout, so only dead workers lose them.
        keepClaims = scheduler.scheduleWithFixedDelay(this::touchJobsInProgress, 5, 5, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "{0} judge workers started on {1}; languages {2}, disabled {3}",
                new Object[]{slots, instance.value(), judge.enabledLanguages(), judge.disabledLanguages()});
    }

    @PreDestroy
    void stop() {
        keepClaims.cancel(false);
        loops.forEach(WorkerLoop::stop);
        try {
            if (!stopped.await(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warning("Judge workers still busy at shutdown; their jobs return to the queue");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A snapshot of the workers for the status endpoint. */
    public List<WorkerState> states() {
        return loops.stream().map(WorkerLoop::state).toList();
    }

    private void touchJobsInProgress() {
        for (WorkerLoop loop : loops) {
            try {
                loop.touchCurrentJob();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not renew a job claim: {0}", e.getMessage());
            }
        }
    }
}
