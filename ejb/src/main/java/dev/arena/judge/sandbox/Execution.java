package dev.arena.judge.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to run in the sandbox.
 *
 * @param command       argv inside the sandbox (PATH is /usr/local/bin:/usr/bin:/bin)
 * @param box           host directory mounted at /box, the working directory; it and its parents
 *                      must be searchable by the slot uid
 * @param writableBox   whether /box is writable (compile steps) or read-only (test runs)
 * @param readOnlyPaths further host paths bound read-only at the same place (a JDK outside /usr)
 * @param environment   variables set inside (the environment is otherwise empty)
 * @param stdin         file fed to stdin, or null for an empty stdin
 * @param stdout        host file receiving stdout (truncated first, capped by the file size limit)
 * @param stderr        host file receiving stderr (same cap)
 */
public record Execution(List<String> command, Path box, boolean writableBox, List<Path> readOnlyPaths,
                        Map<String, String> environment, Path stdin, Path stdout, Path stderr, Limits limits) {

    public Execution {
        command = List.copyOf(command);
        readOnlyPaths = List.copyOf(readOnlyPaths);
        environment = Map.copyOf(environment);
    }
}
