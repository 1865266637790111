package dev.arena.judge.sandbox;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cgroup of each slot uid ({@code arena-judge-<uid>}). Where groups are {@link Cgroups#reusable()},
 * one is made once and kept between sandboxes: making, limiting and removing three v1 hierarchies per
 * sandbox cost more than resetting counters. A kept group is emptied and limited again before every
 * sandbox; if that fails it is removed and made anew.
 *
 * <p>Thread-safe; a uid is used by one thread at a time (one slot, one sandbox).
 */
final class SlotGroups {

    private static final Logger LOG = Logger.getLogger(SlotGroups.class.getName());

    private final Cgroups cgroups;
    private final Map<Integer, ControlGroup> kept = new ConcurrentHashMap<>();

    SlotGroups(Cgroups cgroups) {
        this.cgroups = cgroups;
    }

    /** An empty group with these limits for the uid's next sandbox. */
    ControlGroup acquire(int uid, Limits limits) throws IOException {
        ControlGroup group = kept.remove(uid);
        if (group != null) {
            try {
                group.prepare(limits.memoryBytes(), limits.maxTasks());
                return group;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "slot cgroup of uid {0} cannot be reused ({1}); making it anew",
                        new Object[]{Integer.toString(uid), e.toString()});
                group.close();
            }
        }
        return cgroups.create("arena-judge-" + uid, limits.memoryBytes(), limits.maxTasks());
    }

    /**
     * Called once the sandbox's process has ended. A group that is (or after killing, becomes) empty
     * proves that nothing of the sandbox survived: no process can leave its cgroup, so the slow sweep
     * of {@code /proc} for the uid's processes runs only when the group does not empty, or without
     * cgroups. (After a kill the pid namespace's processes take a moment to die.)
     */
    void release(int uid, ControlGroup group) {
        boolean emptied = cgroups.available() && Cgroups.empty(group);
        if (!emptied) {
            if (cgroups.available()) {
                LOG.log(Level.WARNING, "the cgroup of uid {0} does not empty after its sandbox ended",
                        Integer.toString(uid));
            }
            SlotReaper.killAllOf(uid);
        }
        if (emptied && cgroups.reusable()) {
            kept.put(uid, group);
        } else {
            group.close();
        }
    }

    /** Removes the uid's kept group, if any. */
    void remove(int uid) {
        ControlGroup group = kept.remove(uid);
        if (group != null) {
            group.close();
        }
    }
}
