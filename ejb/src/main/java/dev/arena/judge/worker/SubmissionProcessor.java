package dev.arena.judge.worker;

import dev.arena.judge.Judge;
import dev.arena.judge.JudgeResult;
import dev.arena.judge.ProgressListener;
import dev.arena.judge.Verdict;
import dev.arena.judge.problem.Problem;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.queue.JobQueue;
import dev.arena.judge.submission.Status;
import dev.arena.judge.submission.Submission;
import dev.arena.judge.submission.SubmissionChanged;
import dev.arena.judge.submission.SubmissionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Judges one job: idempotent per submission id (a finished submission is only acknowledged), bounded in
 * attempts (a submission that keeps killing its worker ends {@code INTERNAL_ERROR}), and announcing
 * {@code RUNNING}, progress and {@code DONE} as {@link SubmissionChanged} events.
 */
@ApplicationScoped
class SubmissionProcessor {

    private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class.getName());
    /** Progress events are at most this frequent, so a problem with many fast tests does not flood sockets. */
    private static final long PROGRESS_INTERVAL_MILLIS = 250;

    @Inject
    Judge judge;
    @Inject
    ProblemCatalog catalog;
    @Inject
    SubmissionStore store;
    @Inject
    JobQueue queue;
    @Inject
    Event<SubmissionChanged> changes;
    @Inject
    @ConfigProperty(name = "judge.max-attempts")
    int maxAttempts;

    void process(String worker, JobQueue.Job job) throws InterruptedException {
        Optional<Submission> found = store.find(job.id());
        if (found.isEmpty()) {
            LOG.log(Level.WARNING, "Job for unknown submission {0} dropped", job.id());
            queue.ack(job);
            return;
        }
        Submission submission = found.get();
        long attempt = store.startAttempt(submission.id());
        if (attempt <= 0) {
            queue.ack(job);
            return;
        }
        if (attempt > maxAttempts) {
            fail(submission, "Judging was interrupted " + maxAttempts + " times; giving up.");
            queue.ack(job);
            return;
        }
        Optional<Problem> problem = catalog.find(submission.problemId());
        Optional<String> code = store.code(submission.id());
        if (problem.isEmpty() || code.isEmpty()) {
            fail(submission, "The problem or the code of this submission is no longer available.");
            queue.ack(job);
            return;
        }
        Submission running = withStatus(submission, Status.RUNNING);
        changes.fire(new SubmissionChanged(running, null));
        LOG.log(Level.FINE, "{0} judges {1} (attempt {2})", new Object[]{worker, submission.id(), attempt});
        JudgeResult result = judge.judge(problem.get(), submission.language(), code.get(), new Progress(running));
        if (store.finish(submission.id(), result, System.currentTimeMillis())) {
            store.find(submission.id()).ifPresent(done -> changes.fire(new SubmissionChanged(done, null)));
        }
        queue.ack(job);
    }

    private void fail(Submission submission, String reason) {
        if (store.fail(submission.id(), submission.total(), reason, System.currentTimeMillis())) {
            store.find(submission.id()).ifPresent(done -> changes.fire(new SubmissionChanged(done, null)));
        }
    }

    private static Submission withStatus(Submission s, Status status) {
        return new Submission(s.id(), s.problemId(), s.language(), s.user(), status, null, 0, s.total(), 0, 0, "",
                List.of(), s.createdAt(), null, null);
    }

    /** Sends {@code RUNNING} events with the test just finished, at most every {@value PROGRESS_INTERVAL_MILLIS} ms. */
    private final class Progress implements ProgressListener {
        private final Submission running;
        private int passed;
        private long lastSent;

        Progress(Submission running) {
            this.running = running;
        }

        @Override
        public void testFinished(int index, Verdict verdict) {
            if (verdict.isAccepted()) {
                passed++;
            }
            long now = System.currentTimeMillis();
            if (now - lastSent < PROGRESS_INTERVAL_MILLIS && index < running.total()) {
                return;
            }
            lastSent = now;
            Submission progress = new Submission(running.id(), running.problemId(), running.language(),
                    running.user(), Status.RUNNING, null, passed, running.total(), 0, 0, "", List.of(),
                    running.createdAt(), null, null);
            changes.fire(new SubmissionChanged(progress, index));
        }
    }
}
