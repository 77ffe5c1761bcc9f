package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Something wrong in a rule file.
 *
 * @param file the file
 * @param location where in the file
 * @param message what is wrong, worded like {@code promtool}, such as
 *     {@code group "api", rule 2, "HighLatency": could not parse expression: 1:9: parse error: …}
 */
public record RuleFileProblem(Path file, Location location, String message) {

    /** Checks the parts. */
    public RuleFileProblem {
        requireNonNull(file, "file is null");
        requireNonNull(location, "location is null");
        requireNonNull(message, "message is null");
    }

    /** {@code file: line:column: message}. */
    @Override
    public String toString() {
        return file + ": " + location + ": " + message;
    }
}
