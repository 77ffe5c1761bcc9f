package dev.vigil.benchmarks.logs;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the search benchmark's table: per search, the count from the store and from grep and whether they agree, the
 * best times of the store's count, of its newest-100 page and of {@code grep -c}, and the ratio store / grep of the
 * counts' times (below 1 means the store is faster). Stateless.
 */
final class SearchTable {

    private SearchTable() {}

    /**
     * One search's results.
     *
     * @param search the search
     * @param storeCount how many records the store counted
     * @param grepCount how many lines grep counted
     * @param storeCountNanos the store's best time to count
     * @param storePageNanos the store's best time for the newest 100 records
     * @param grepNanos grep's best time
     */
    record Row(SearchCase search, long storeCount, long grepCount, long storeCountNanos, long storePageNanos, long grepNanos) {

        Row {
            requireNonNull(search, "search is null");
        }

        boolean same() {
            return storeCount == grepCount;
        }
    }

    static void print(List<Row> rows, PrintStream out) {
        String format = "%-28s %11s %11s %-5s %12s %12s %12s %10s%n";
        out.printf(Locale.ROOT, format, "search", "store count", "grep -c", "same", "store count", "newest 100", "grep -c",
                "store/grep");
        for (Row row : rows) {
            out.printf(Locale.ROOT, format, row.search().name(), String.format(Locale.ROOT, "%,d", row.storeCount()),
                    String.format(Locale.ROOT, "%,d", row.grepCount()), row.same() ? "yes" : "NO", ms(row.storeCountNanos()),
                    ms(row.storePageNanos()), ms(row.grepNanos()),
                    String.format(Locale.ROOT, "%.3f", (double) row.storeCountNanos() / row.grepNanos()));
        }
        out.println();
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-28s %s%n", row.search().name(), row.search().grepShown());
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
