package dev.arena.rooms;

/** A client frame that cannot be served; becomes an {@code error} frame and the connection stays open. */
public class FrameException extends RuntimeException {

    private final String code;
    private final String id;

    public FrameException(String code, String message, String id) {
        super(message, null, false, false);
        this.code = code;
        this.id = id;
    }

    public String code() {
        return code;
    }

    /** The client's id of the frame that failed, if it had one. */
    public String id() {
        return id;
    }
}
