package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.Series;
import java.util.List;

/** A range selector's series, read from the store one at a time over the span its windows cover. */
final class SelectorInput implements RangeInput {

    private final List<Series> series;
    private final SeriesReader reader;
    private final long minTime;
    private final long maxTime;

    /** The series, read over {@code [minTime, maxTime]} without staleness markers. */
    SelectorInput(List<Series> series, SeriesReader reader, long minTime, long maxTime) {
        this.series = series;
        this.reader = reader;
        this.minTime = minTime;
        this.maxTime = maxTime;
    }

    @Override
    public int size() {
        return series.size();
    }

    @Override
    public Labels labels(int index) {
        return series.get(index).labels();
    }

    @Override
    public int load(int index) {
        reader.read(series.get(index), minTime, maxTime, true);
        return reader.size();
    }

    @Override
    public long[] times() {
        return reader.times();
    }

    @Override
    public double[] values() {
        return reader.values();
    }
}
