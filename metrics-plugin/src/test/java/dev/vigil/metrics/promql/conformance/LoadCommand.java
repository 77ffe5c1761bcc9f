package dev.vigil.metrics.promql.conformance;

import dev.vigil.api.metrics.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code load <interval>}: samples to add, the value at position i of each series at time i × interval.
 *
 * @param line where it is, from 1
 * @param intervalMillis the interval between positions
 * @param withNhcb whether the load is {@code load_with_nhcb}, which also stores each classic histogram as a
 *     native histogram with custom buckets
 * @param series the series and their values, as written
 */
record LoadCommand(int line, long intervalMillis, boolean withNhcb, List<SeriesLine> series) implements ScriptCommand {

    /** Copies the list. */
    LoadCommand {
        series = List.copyOf(series);
    }

    /** The series to store: when a label set is written twice, its last line replaces the earlier ones. */
    List<SeriesLine> effectiveSeries() {
        Map<Labels, SeriesLine> last = new LinkedHashMap<>();
        series.forEach(s -> last.put(s.labels(), s));
        return List.copyOf(last.values());
    }
}
