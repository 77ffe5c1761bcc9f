package dev.vigil.metrics.promql;

import dev.vigil.metrics.promql.ast.PositionRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings and infos a query collects while it runs, worded as Prometheus words them and each ending
 * with the position of the node it is about, such as
 * {@code PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "x" (1:6)}.
 * The same message is kept once. One query at a time; not thread-safe.
 */
public final class Annotations {

    private final String expression;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();

    /** Annotations for a query of {@code expression}, used to turn offsets into line and column. */
    public Annotations(String expression) {
        this.expression = expression;
    }

    /** Adds {@code PromQL warning: <message> (line:column)}. */
    public void warn(String message, PositionRange position) {
        warnings.add("PromQL warning: " + message + " (" + lineColumn(position.start()) + ")");
    }

    /** Adds {@code PromQL info: <message> (line:column)}. */
    public void info(String message, PositionRange position) {
        infos.add("PromQL info: " + message + " (" + lineColumn(position.start()) + ")");
    }

    /** The warnings so far, in the order they were first added. */
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    /** The infos so far, in the order they were first added. */
    public List<String> infos() {
        return new ArrayList<>(infos);
    }

    /** The 1-based {@code line:column} of a character offset in the expression. */
    public String lineColumn(int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < expression.length(); i++) {
            if (expression.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }
}
