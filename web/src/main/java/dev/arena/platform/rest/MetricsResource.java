package dev.arena.platform.rest;

import dev.arena.judge.queue.JobQueue;
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
import java.util.function.LongSupplier;

/** {@code GET /api/metrics}: this instance's counters, for operators and the system tests. */
@Path("metrics")
public class MetricsResource {

    @Inject
    InstanceId instance;
    @Inject
    RoomHub rooms;
    @Inject
    SocketMetrics sockets;
    @Inject
    JobQueue judgeQueue;

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
                .add("judgeWaiting", orMinusOne(judgeQueue::waiting))
                .add("judgeInFlight", orMinusOne(judgeQueue::inFlight))
                .build().toString();
    }

    /** The queue lives in Redis; while Redis is away its depth is unknown (-1), the other counters still count. */
    private static long orMinusOne(LongSupplier reading) {
        try {
            return reading.getAsLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
