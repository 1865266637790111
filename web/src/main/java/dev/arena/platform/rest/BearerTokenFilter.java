package dev.arena.platform.rest;

import dev.arena.identity.TokenService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Admits requests to {@link Authenticated} resources only with a valid token, and records who made them
 * ({@link #user(ContainerRequestContext)}).
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String USER = "arena.user";
    private static final String SCHEME = "Bearer ";

    @Inject
    TokenService tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).trim() : null;
        String user = tokens.verify(token).orElseThrow(() -> new ApiException(Response.Status.UNAUTHORIZED,
                "unauthorized", "A valid bearer token is required."));
        request.setProperty(USER, user);
    }

    /** The authenticated caller of a request that passed this filter. */
    public static String user(ContainerRequestContext request) {
        return (String) request.getProperty(USER);
    }
}
