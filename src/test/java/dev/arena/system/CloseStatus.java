package dev.arena.system;

/** How a WebSocket connection ended: the close frame's code and reason, or the error that broke it. */
record CloseStatus(int code, String reason, Throwable error) {

    /** Code 1006 of RFC 6455: closed without a close frame. */
    static final int ABNORMAL = 1006;

    @Override
    public String toString() {
        return error == null ? code + " '" + reason + "'" : "broken: " + error;
    }
}
