package dev.arena.rooms;

/** The broker cannot be reached now; the caller reports it to the client instead of waiting. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
