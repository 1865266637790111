package dev.arena.judge.rest;

import dev.arena.judge.Judge;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.problem.ProblemSummary;
import dev.arena.judge.problem.ProblemView;
import dev.arena.judge.problem.Sample;
import dev.arena.platform.rest.ApiException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/problems} and {@code GET /api/problems/{id}}: public views only, never the hidden tests. */
@Path("problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @Inject
    ProblemCatalog catalog;
    @Inject
    Judge judge;

    @GET
    public String list() {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        for (ProblemSummary p : catalog.list()) {
            problems.add(Json.createObjectBuilder().add("id", p.id()).add("title", p.title())
                    .add("difficulty", p.difficulty()));
        }
        return problems.build().toString();
    }

    @GET
    @Path("{id}")
    public String one(@PathParam("id") String id) {
        ProblemView p = catalog.view(id, judge.enabledLanguages())
                .orElseThrow(() -> ApiException.notFound("There is no problem \"" + id + "\"."));
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (Sample sample : p.samples()) {
            samples.add(Json.createObjectBuilder().add("input", sample.input()).add("output", sample.output()));
        }
        return Json.createObjectBuilder()
                .add("id", p.id())
                .add("title", p.title())
                .add("statement", p.statement())
                .add("timeLimitMs", p.timeLimitMs())
                .add("memoryLimitMb", p.memoryLimitMb())
                .add("samples", samples)
                .add("languages", Json.createArrayBuilder(p.languages()))
                .build().toString();
    }
}
