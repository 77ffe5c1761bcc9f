package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One problem in a configuration file, shown to the user as {@code file:line:column: path: reason}, such as
 * {@code conf/vigil.yaml:4:9: kernel.http.port: cannot convert "abc" to int}.
 *
 * @param source the file, as given to {@link ConfigDocument#read} or {@link ConfigDocument#parse}
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param path where in the document, dotted like {@code kernel.http.port} or {@code hello.items[2].name};
 *     empty for a problem with the whole document
 * @param reason what is wrong, in words meant for the person editing the file
 */
public record ConfigProblem(String source, int line, int column, String path, String reason) {

    /** Problems in the order they appear in the file; those without a line come last. */
    static final Comparator<ConfigProblem> IN_FILE_ORDER = Comparator
            .comparingInt((ConfigProblem problem) -> problem.line() == 0 ? Integer.MAX_VALUE : problem.line())
            .thenComparingInt(ConfigProblem::column);

    /** Checks the arguments. */
    public ConfigProblem {
        requireNonNull(source, "source is null");
        requireNonNull(path, "path is null");
        requireNonNull(reason, "reason is null");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative, got " + line + ":" + column);
        }
    }

    static ConfigProblem at(String source, Position position, NodePath path, String reason) {
        return new ConfigProblem(source, position.line(), position.column(), path.toString(), reason);
    }

    /** {@code source:line:column: path: reason}, leaving out the line and column when unknown and the path when empty. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(reason).toString();
    }
}
