package dev.arena.judge.submission;

/**
 * A CDI event: a submission's status changed. Fired after the change is stored, so an observer that fails to
 * pass it on loses only the announcement, never the state. {@code test} is the index of the test just
 * finished while {@code RUNNING}, otherwise null.
 */
public record SubmissionChanged(Submission submission, Integer test) {

    /** The {@code submission} frame of PROTOCOL.md for this change. */
    public String frame() {
        return SubmissionJson.event(submission, test);
    }
}
