package dev.arena.judge.rest;

import dev.arena.judge.submission.Submission;
import dev.arena.judge.submission.SubmissionJson;
import dev.arena.judge.submission.SubmissionRejected;
import dev.arena.judge.submission.SubmissionService;
import dev.arena.platform.rest.ApiException;
import dev.arena.platform.rest.Authenticated;
import dev.arena.platform.rest.BearerTokenFilter;
import dev.arena.platform.rest.JsonBodies;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code POST /api/submissions}, {@code GET /api/submissions/{id}} (owner only; 404 to anyone else) and
 * {@code GET /api/submissions} (the caller's recent ones, newest first).
 */
@Path("submissions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    /** Room for 64 KiB of code even when JSON escaping doubles it, plus the other fields. */
    private static final int MAX_BODY_BYTES = 160 * 1024;
    private static final int RECENT = 20;

    @Inject
    SubmissionService submissions;

    @POST
    public Response submit(InputStream body, @Context ContainerRequestContext request, @Context UriInfo uri) {
        JsonObject json = JsonBodies.read(body, MAX_BODY_BYTES);
        String problemId = JsonBodies.string(json, "problemId");
        String language = JsonBodies.string(json, "language");
        String code = JsonBodies.string(json, "code");
        try {
            Submission s = submissions.submit(BearerTokenFilter.user(request), problemId, language, code);
            return Response.accepted(Json.createObjectBuilder().add("id", s.id()).add("status", s.status().name())
                            .build().toString())
                    .location(uri.getAbsolutePathBuilder().path(s.id()).build())
                    .build();
        } catch (SubmissionRejected e) {
            throw toApi(e);
        }
    }

    @GET
    @Path("{id}")
    public String one(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return submissions.find(BearerTokenFilter.user(request), id)
                .map(s -> SubmissionJson.record(s).toString())
                .orElseThrow(() -> ApiException.notFound("There is no submission \"" + abbreviate(id) + "\"."));
    }

    @GET
    public String recent(@Context ContainerRequestContext request) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        submissions.recent(BearerTokenFilter.user(request), RECENT).forEach(s -> list.add(SubmissionJson.record(s)));
        return list.build().toString();
    }

    private static ApiException toApi(SubmissionRejected e) {
        return switch (e.kind()) {
            case INVALID -> ApiException.badRequest(e.code(), e.getMessage());
            case NOT_FOUND -> new ApiException(Response.Status.NOT_FOUND, e.code(), e.getMessage());
            case TOO_LARGE -> new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.code(), e.getMessage());
            case RATE_LIMITED -> new ApiException(Response.Status.TOO_MANY_REQUESTS, e.code(), e.getMessage(),
                    Math.max(1, e.retryAfterSeconds()));
            case UNAVAILABLE -> new ApiException(Response.Status.SERVICE_UNAVAILABLE, e.code(), e.getMessage());
        };
    }

    private static String abbreviate(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "..." : safe;
    }
}
