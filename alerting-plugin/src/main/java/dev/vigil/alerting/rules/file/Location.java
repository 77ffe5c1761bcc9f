package dev.vigil.alerting.rules.file;

/**
 * A position in a YAML document, both numbers counted from 1.
 *
 * @param line the line
 * @param column the column
 */
public record Location(int line, int column) {

    /** Where a node is when there is no node, such as a missing document. */
    public static final Location START = new Location(1, 1);

    /** Checks the numbers. */
    public Location {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    /** {@code line:column}, as in Prometheus's messages. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
