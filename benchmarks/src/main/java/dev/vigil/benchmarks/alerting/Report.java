package dev.vigil.benchmarks.alerting;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/** Prints the driver's two tables. Stateless. */
final class Report {

    private Report() {}

    /** The throughput table: time per round and what was evaluated and read per second. */
    static void throughput(ThroughputRun.Result result, int rules, int series, PrintStream out) {
        int rounds = result.roundNanos().length;
        double seconds = result.totalNanos() / 1e9;
        double perRound = seconds / rounds;
        long[] sorted = result.roundNanos().clone();
        Arrays.sort(sorted);
        String row = "%-34s %18s   %s%n";
        out.printf(Locale.ROOT, row, "figure", "value", "");
        out.printf(Locale.ROOT, row, "time per round, mean", String.format(Locale.ROOT, "%.3f s", perRound),
                "all " + rules + " rules evaluated once, one group after the other, on one thread");
        out.printf(Locale.ROOT, row, "time per round, p50 / min / max",
                String.format(Locale.ROOT, "%.2f/%.2f/%.2f s", quantile(sorted, 0.5) / 1e9, sorted[0] / 1e9,
                        sorted[sorted.length - 1] / 1e9), "over " + rounds + " measured rounds");
        out.printf(Locale.ROOT, row, "rules per second", String.format(Locale.ROOT, "%,.0f", rules / perRound), "");
        out.printf(Locale.ROOT, row, "series read per second", String.format(Locale.ROOT, "%,.0f", result.selectedSeries() / seconds),
                String.format(Locale.ROOT, "%,d per round: the series the rules' selectors returned, summed over rules",
                        result.selectedSeries() / rounds));
        out.printf(Locale.ROOT, row, "samples per second", String.format(Locale.ROOT, "%,.0f", result.samples() / seconds),
                String.format(Locale.ROOT, "%,d per round, as the engine counts them (QueryResult.samples)",
                        result.samples() / rounds));
        out.printf(Locale.ROOT, row, "rules x series per second",
                String.format(Locale.ROOT, "%,.0f", (double) rules * series / perRound),
                String.format(Locale.ROOT, "%,d rules x %,d series / time per round", rules, series));
    }

    /** The latency table: p50, p99 and max of the firing and the resolved notifications. */
    static void latency(LatencyRun.Result result, PrintStream out) {
        String row = "%-10s %7s %10s %10s %10s %10s%n";
        out.printf(Locale.ROOT, row, "alerts", "count", "p50", "p99", "max", "mean");
        latencyRow(out, row, "firing", result.firingNanos());
        latencyRow(out, row, "resolved", result.resolvedNanos());
        out.printf(Locale.ROOT, "caused %d alerts outside the warm-up: %d firing and %d resolved arrived, %d never fired%n",
                result.caused(), result.firingNanos().length, result.resolvedNanos().length, result.notHandedOn());
    }

    private static void latencyRow(PrintStream out, String row, String name, long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            out.printf(Locale.ROOT, row, name, 0, "-", "-", "-", "-");
            return;
        }
        out.printf(Locale.ROOT, row, name, sortedNanos.length, ms(quantile(sortedNanos, 0.5)), ms(quantile(sortedNanos, 0.99)),
                ms(sortedNanos[sortedNanos.length - 1]), ms((long) Arrays.stream(sortedNanos).average().orElse(0)));
    }

    /** The nearest-rank quantile of sorted values. */
    static long quantile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
