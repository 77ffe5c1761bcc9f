package dev.vigil.alerting.notify.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while checking a configuration, each named by its path (such as
 * {@code route.routes[1].group_wait}), so that a person sees every mistake at once instead of one per attempt.
 * Not thread-safe; one collector serves one check.
 */
public final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    /** Records that the value at {@code path} is wrong, and why. */
    public void add(String path, String message) {
        problems.add(path.isEmpty() ? message : path + ": " + message);
    }

    /** Whether nothing was found wrong. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems so far, in the order found. */
    public List<String> list() {
        return List.copyOf(problems);
    }

    /**
     * Throws when a problem was found.
     *
     * @param what what was checked, for the message, such as {@code "notification configuration"}
     * @throws NotifyConfigException listing every problem
     */
    public void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new NotifyConfigException(what, problems);
        }
    }
}
