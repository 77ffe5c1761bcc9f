package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Every problem found in a configuration file, reported at once so that the user can fix them all before
 * trying again. The message starts with {@code 2 problems in conf/vigil.yaml:} and lists one problem per
 * line, indented by two spaces.
 */
public final class ConfigException extends Exception {

    private final List<ConfigProblem> problems;

    /**
     * An exception reporting {@code problems}.
     *
     * @param problems the problems, in the order they are shown; at least one
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(message(List.copyOf(requireNonNull(problems, "problems is null"))));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they are shown. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems is empty");
        }
        StringBuilder text = new StringBuilder()
                .append(problems.size())
                .append(problems.size() == 1 ? " problem in " : " problems in ")
                .append(problems.get(0).source())
                .append(':');
        for (ConfigProblem problem : problems) {
            // a reason from a plugin's own validation may span lines; keep them under their problem
            text.append("\n  ").append(problem.toString().replace("\n", "\n    "));
        }
        return text.toString();
    }
}
