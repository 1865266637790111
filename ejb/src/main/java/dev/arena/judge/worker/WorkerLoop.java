package dev.arena.judge.worker;

import dev.arena.judge.queue.JobQueue;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One worker: takes a job, judges it, repeats until stopped. Survives Redis outages by backing off. */
final class WorkerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());

    private final String name;
    private final JobQueue queue;
    private final SubmissionProcessor processor;
    private final Duration poll;
    private final CountDownLatch stopped;
    private volatile boolean running = true;
    private volatile JobQueue.Job current;

    WorkerLoop(String name, JobQueue queue, SubmissionProcessor processor, Duration poll, CountDownLatch stopped) {
        this.name = name;
        this.queue = queue;
        this.processor = processor;
        this.poll = poll;
        this.stopped = stopped;
    }

    @Override
    public void run() {
        long backoff = 200;
        try {
            while (running) {
                try {
                    Optional<JobQueue.Job> job = queue.take(name, poll);
                    backoff = 200;
                    if (job.isPresent()) {
                        current = job.get();
                        processor.process(name, job.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // The job (if any) stays pending and is taken again after the visibility timeout.
                    LOG.log(Level.WARNING, "Worker {0} failed: {1}", new Object[]{name, String.valueOf(e)});
                    Thread.sleep(backoff);
                    backoff = Math.min(5000, backoff * 2);
                } finally {
                    current = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    void stop() {
        running = false;
    }

    void touchCurrentJob() {
        JobQueue.Job job = current;
        if (job != null && !queue.touch(name, job) && job == current) {
            // Judged on regardless: the final record is written once, whoever finishes first.
            LOG.log(Level.INFO, "Worker {0}: job {1} was taken over by another worker", new Object[]{name, job.id()});
        }
    }

    WorkerState state() {
        JobQueue.Job job = current;
        return new WorkerState(name, job == null ? null : job.id());
    }
}
