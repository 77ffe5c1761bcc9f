package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;
import java.util.List;

/**
 * A read view of a {@link MetricStore} over a time range, fixed when it was opened. Thread-safe; close it
 * when done so the store can release what it holds for the view.
 */
@Experimental
public interface MetricQuerier extends AutoCloseable {

    /**
     * The series that satisfy every matcher and have at least one sample in the range, sorted by their
     * labels. At least one matcher must not accept the empty value, as in PromQL.
     *
     * @throws IllegalArgumentException if {@code matchers} is empty or every matcher accepts the empty value
     */
    List<Series> select(List<LabelMatcher> matchers);

    /** The label names of the series that satisfy {@code matchers} (all series when empty), sorted. */
    List<String> labelNames(List<LabelMatcher> matchers);

    /** The values of the label {@code name} among the series that satisfy {@code matchers} (all when empty), sorted. */
    List<String> labelValues(String name, List<LabelMatcher> matchers);

    @Override
    void close();
}
