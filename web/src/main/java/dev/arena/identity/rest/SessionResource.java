package dev.arena.identity.rest;

import dev.arena.identity.TokenService;
import dev.arena.identity.UserName;
import dev.arena.platform.rest.ApiException;
import dev.arena.platform.rest.JsonBodies;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** {@code POST /api/sessions {"name":"alice"}} -> 201 with a signed token any instance accepts. */
@Path("sessions")
public class SessionResource {

    private static final int MAX_BODY_BYTES = 1024;

    @Inject
    TokenService tokens;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(InputStream body) {
        JsonObject request = JsonBodies.read(body, MAX_BODY_BYTES);
        String name = JsonBodies.string(request, "name");
        if (!UserName.isValid(name)) {
            throw ApiException.badRequest("invalid_name", "A name is 1-32 of A-Z, a-z, 0-9, '_' and '-'.");
        }
        JsonObject session = Json.createObjectBuilder().add("user", name).add("token", tokens.issue(name)).build();
        return Response.status(Response.Status.CREATED).entity(session.toString()).build();
    }
}
