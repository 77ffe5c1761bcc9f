package dev.vigil.benchmarks.query;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Prints the latencies of each query on each server: median and p90 in milliseconds, the ratio
 * Vigil/Prometheus of each (lower is better for Vigil), the size of the answer and whether the two servers
 * gave the same answer. Stateless.
 */
final class LatencyTable {

    private LatencyTable() {}

    /**
     * One row: a query in one mode.
     *
     * @param query the short name of the query
     * @param mode {@code instant} or {@code range}
     * @param vigilNanos Vigil's measured latencies
     * @param prometheusNanos Prometheus's measured latencies
     * @param size the size of Prometheus's answer, such as {@code 1000 series / 1440000 points}
     * @param check {@code same} when both answers agree, else what differs
     */
    record Row(String query, String mode, long[] vigilNanos, long[] prometheusNanos, String size, String check) {
        Row {
            requireNonNull(query, "query is null");
            requireNonNull(mode, "mode is null");
            vigilNanos = vigilNanos.clone();
            prometheusNanos = prometheusNanos.clone();
            Arrays.sort(vigilNanos);
            Arrays.sort(prometheusNanos);
        }
    }

    static void print(List<Row> rows, PrintStream out) {
        String format = "%-12s %-7s %10s %10s %10s %10s %8s %8s  %-30s %s%n";
        out.printf(Locale.ROOT, format, "query", "mode", "Vigil p50", "Vigil p90", "Prom p50", "Prom p90", "p50 V/P", "p90 V/P",
                "answer (Prometheus)", "same answer?");
        for (Row row : rows) {
            double v50 = quantileMs(row.vigilNanos(), 0.5);
            double v90 = quantileMs(row.vigilNanos(), 0.9);
            double p50 = quantileMs(row.prometheusNanos(), 0.5);
            double p90 = quantileMs(row.prometheusNanos(), 0.9);
            out.printf(Locale.ROOT, format, row.query(), row.mode(), ms(v50), ms(v90), ms(p50), ms(p90), ratio(v50, p50),
                    ratio(v90, p90), row.size(), row.check());
        }
    }

    /** The nearest-rank quantile of sorted latencies, in milliseconds; NaN when there are none. */
    static double quantileMs(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String ratio(double vigil, double prometheus) {
        return Double.isNaN(vigil) || Double.isNaN(prometheus) || prometheus == 0 ? "-" : String.format(Locale.ROOT, "%.2f", vigil / prometheus);
    }

    /** A short description of an answer for the table. */
    static String size(@Nullable ApiResult result) {
        if (result == null) {
            return "-";
        }
        if (result.error() != null) {
            return "error";
        }
        return result.series().size() + " series / " + result.pointCount() + " points";
    }
}
