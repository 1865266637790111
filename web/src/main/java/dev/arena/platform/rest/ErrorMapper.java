package dev.arena.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into PROTOCOL.md's JSON error body: never a stack trace, never an HTML page.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            Response response = ErrorBody.response(api.status(), api.code(), api.getMessage());
            if (api.retryAfterSeconds() != null) {
                return Response.fromResponse(response).header("Retry-After", api.retryAfterSeconds()).build();
            }
            return response;
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                LOG.log(Level.WARNING, "Request failed", failure);
            }
            return ErrorBody.response(Response.Status.fromStatusCode(status) == null
                            ? Response.Status.INTERNAL_SERVER_ERROR : web.getResponse().getStatusInfo(),
                    ErrorBody.codeFor(status), sentenceFor(status));
        }
        LOG.log(Level.SEVERE, "Unexpected failure serving a request", failure);
        return ErrorBody.response(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; the request was not completed.");
    }

    private static String sentenceFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address answers only JSON.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> "The request could not be served (HTTP " + status + ").";
        };
    }
}
