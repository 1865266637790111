package dev.arena.judge.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The problems of one directory, loaded once. Immutable and thread-safe.
 *
 * <p>A broken folder (missing file, bad JSON, a test without its answer, ...) is logged with its
 * name and the reason and left out; the others load.
 */
public final class ProblemCatalog {

    private static final Logger LOG = Logger.getLogger(ProblemCatalog.class.getName());

    private final Path directory;
    private final Map<String, Problem> problems;

    private ProblemCatalog(Path directory, Map<String, Problem> problems) {
        this.directory = directory;
        this.problems = problems;
    }

    /** Loads every problem folder of {@code directory}. */
    public static ProblemCatalog load(Path directory) {
        Map<String, Problem> loaded = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                try {
                    Problem problem = ProblemLoader.load(folder);
                    loaded.put(problem.id(), problem);
                } catch (ProblemLoader.InvalidProblemException e) {
                    LOG.log(Level.WARNING, "skipping problem {0}: {1}", new Object[]{folder.getFileName(), e.getMessage()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read problem directory " + directory, e);
        }
        LOG.log(Level.INFO, "loaded {0} problems from {1}", new Object[]{loaded.size(), directory});
        return new ProblemCatalog(directory, Map.copyOf(loaded));
    }

    /**
     * Loads the configured directory ({@code judge.problems-dir} / {@code JUDGE_PROBLEMS_DIR}) when
     * one is given, else the bundled examples.
     */
    public static ProblemCatalog loadConfigured(Optional<String> configuredDirectory) {
        return load(configuredDirectory.filter(dir -> !dir.isBlank()).map(Path::of)
                .orElseGet(BundledProblems::directory));
    }

    public Path directory() {
        return directory;
    }

    /** Every problem, ordered by id. */
    public List<ProblemSummary> list() {
        return problems.values().stream().sorted(java.util.Comparator.comparing(Problem::id))
                .map(Problem::summary).toList();
    }

    public Optional<Problem> find(String id) {
        return Optional.ofNullable(problems.get(id));
    }

    public Optional<ProblemView> view(String id, Collection<String> languages) {
        return find(id).map(problem -> problem.publicView(languages));
    }

    public Collection<Problem> all() {
        return problems.values();
    }
}
