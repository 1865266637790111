package dev.arena.platform.rest;

import jakarta.ws.rs.core.Response;

/**
 * A request that cannot be served, with the machine code and sentence of PROTOCOL.md's error body.
 * Resources throw it; {@link ErrorMapper} writes it.
 */
public class ApiException extends RuntimeException {

    private final Response.StatusType status;
    private final String code;
    private final Long retryAfterSeconds;

    public ApiException(Response.StatusType status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(Response.StatusType status, String code, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Response.Status.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Response.Status.NOT_FOUND, "not_found", message);
    }

    public Response.StatusType status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
