package dev.vigil.api.alerting;

import dev.vigil.api.Experimental;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks and tests Prometheus rule files the way {@code promtool check rules} and {@code promtool test rules}
 * do, for command-line tools. The alerting plugin publishes one in the service registry. Relative paths are
 * read against the process's working folder. Thread-safe.
 */
@Experimental
public interface RuleTool {

    /**
     * Validates rule files: their YAML, names, durations, templates and PromQL expressions.
     *
     * @param files the rule files, printed as given
     * @param out where the report goes: for each file {@code Checking <file>}, then {@code SUCCESS: N rules found} or
     *     {@code FAILED:} and each problem with its line and column
     * @return whether every file is valid
     */
    boolean check(List<Path> files, PrintWriter out);

    /**
     * Runs rule unit-test files, each test group over an empty store of its own.
     *
     * @param files the unit-test files, printed as given; the rule files they name are read relative to each
     * @param run regular expressions (RE2 syntax, matched anywhere in the name); when not empty, only the test
     *     groups whose name one of them matches are run, as with promtool's {@code --run}
     * @param out where the report goes: for each file {@code Unit Testing: <file>}, then {@code SUCCESS} or
     *     {@code FAILED:} and each failure with what was expected and what came out
     * @return whether every test group that ran passed
     * @throws IllegalArgumentException if a pattern of {@code run} is not a valid regular expression
     */
    boolean test(List<Path> files, List<String> run, PrintWriter out);
}
