package dev.arena.platform.rest;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error body: {@code {"error":"<machine_code>","message":"<human sentence>"}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static String json(String code, String message) {
        return Json.createObjectBuilder().add("error", code).add("message", message).build().toString();
    }

    public static Response response(Response.StatusType status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(code, message)).build();
    }

    /** The machine code for a status the application did not choose itself (unknown path, wrong method...). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }
}
