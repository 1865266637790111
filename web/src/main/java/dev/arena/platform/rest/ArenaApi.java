package dev.arena.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every REST resource lives under {@code /api}. */
@ApplicationPath("/api")
public class ArenaApi extends Application {
}
