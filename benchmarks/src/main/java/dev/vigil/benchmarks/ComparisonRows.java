package dev.vigil.benchmarks;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The rows of the drivers' comparison tables: a label, the figure of each server and their ratio, in fixed-width
 * columns. A figure that is not known (NaN) prints as {@code -}, and so does a ratio of which either side is unknown or
 * whose divisor is 0. Stateless.
 */
public final class ComparisonRows {

    private static final String ROW = "%-48s %14s %14s %10s%n";

    private ComparisonRows() {}

    /** The column headings: an empty label, the two servers' names and the ratio's. */
    public static void heading(PrintStream out, String left, String right, String ratio) {
        out.printf(Locale.ROOT, ROW, "", left, right, ratio);
    }

    /** A row of two figures, each formatted with {@code format} (such as {@code %,.0f}), and their ratio. */
    public static void row(PrintStream out, String what, double left, double right, String format) {
        String ratio = right == 0 || Double.isNaN(right) || Double.isNaN(left) ? "-" : String.format(Locale.ROOT, "%.2f", left / right);
        out.printf(Locale.ROOT, ROW, what, figure(format, left), figure(format, right), ratio);
    }

    /** Items per second; NaN when no time passed. */
    public static double rate(long items, long nanos) {
        return nanos <= 0 ? Double.NaN : items / (nanos / 1e9);
    }

    private static String figure(String format, double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }
}
