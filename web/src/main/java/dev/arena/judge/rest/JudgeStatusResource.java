package dev.arena.judge.rest;

import dev.arena.judge.Judge;
import dev.arena.judge.queue.JobQueue;
import dev.arena.judge.worker.JudgeWorkers;
import dev.arena.judge.worker.WorkerState;
import dev.arena.platform.InstanceId;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/judge}: the shared queue's depth and this instance's workers and languages. */
@Path("judge")
@Produces(MediaType.APPLICATION_JSON)
public class JudgeStatusResource {

    @Inject
    InstanceId instance;
    @Inject
    JobQueue queue;
    @Inject
    JudgeWorkers workers;
    @Inject
    Judge judge;

    @GET
    public String status() {
        JsonArrayBuilder states = Json.createArrayBuilder();
        for (WorkerState state : workers.states()) {
            JsonObjectBuilder worker = Json.createObjectBuilder().add("worker", state.worker());
            if (state.submission() == null) {
                worker.add("state", "idle");
            } else {
                worker.add("state", "judging").add("submission", state.submission());
            }
            states.add(worker);
        }
        JsonObjectBuilder disabled = Json.createObjectBuilder();
        judge.disabledLanguages().forEach(disabled::add);
        return Json.createObjectBuilder()
                .add("instance", instance.value())
                .add("waiting", queue.waiting())
                .add("inFlight", queue.inFlight())
                .add("workers", states)
                .add("languages", Json.createArrayBuilder(judge.enabledLanguages()))
                .add("disabledLanguages", disabled)
                .add("sandbox", judge.sandbox().describe())
                .build().toString();
    }
}
