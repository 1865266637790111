package dev.arena.platform.rest;

import dev.arena.platform.InstanceId;
import dev.arena.rooms.RoomHub;
import dev.arena.rooms.RoomMetrics;
import dev.arena.rooms.ws.SocketMetrics;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/metrics}: this instance's counters, for operators and the system tests. */
@Path("metrics")
public class MetricsResource {

    @Inject
    InstanceId instance;
    @Inject
    RoomHub rooms;
    @Inject
    SocketMetrics sockets;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String metrics() {
        RoomMetrics traffic = rooms.metrics();
        return Json.createObjectBuilder()
                .add("instance", instance.value())
                .add("connections", rooms.connectionCount())
                .add("rooms", rooms.roomCount())
                .add("messagesIn", traffic.framesIn())
                .add("messagesOut", traffic.messagesOut())
                .add("published", traffic.published())
                .add("errors", traffic.errors())
                .add("slowClosed", sockets.slowClosed())
                .add("unauthorized", sockets.unauthorized())
                .build().toString();
    }
}
