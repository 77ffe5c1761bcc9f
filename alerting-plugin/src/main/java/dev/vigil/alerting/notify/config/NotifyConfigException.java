package dev.vigil.alerting.notify.config;

import java.util.List;

/**
 * A configuration, silence or acknowledgement that cannot be used, with every problem found, each naming the path
 * of the bad value. It is an {@link IllegalArgumentException} so that an API can answer it as a bad request.
 */
public final class NotifyConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** An exception for the problems found in {@code what}. */
    public NotifyConfigException(String what, List<String> problems) {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each as {@code path: reason}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String what, List<String> problems) {
        if (problems.size() == 1) {
            return "invalid " + what + ": " + problems.get(0);
        }
        StringBuilder out = new StringBuilder("invalid " + what + ", " + problems.size() + " problems:");
        for (int i = 0; i < problems.size(); i++) {
            out.append("\n  ").append(i + 1).append(") ").append(problems.get(i));
        }
        return out.toString();
    }
}
