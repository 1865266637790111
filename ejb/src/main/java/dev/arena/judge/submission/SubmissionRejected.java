package dev.arena.judge.submission;

/** A submission refused before it was queued, with the error of PROTOCOL.md. */
public class SubmissionRejected extends RuntimeException {

    /** What kind of refusal, so that each transport can pick its status code. */
    public enum Kind { INVALID, NOT_FOUND, TOO_LARGE, RATE_LIMITED, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final long retryAfterSeconds;

    public SubmissionRejected(Kind kind, String code, String message) {
        this(kind, code, message, 0);
    }

    public SubmissionRejected(Kind kind, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
