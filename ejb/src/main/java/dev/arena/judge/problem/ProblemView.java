package dev.arena.judge.problem;

import java.util.List;

/** What a client may see of a problem: never the hidden tests or the reference solutions. */
public record ProblemView(String id, String title, String statement, long timeLimitMs, int memoryLimitMb,
                          List<Sample> samples, List<String> languages) {

    public ProblemView {
        samples = List.copyOf(samples);
        languages = List.copyOf(languages);
    }
}
