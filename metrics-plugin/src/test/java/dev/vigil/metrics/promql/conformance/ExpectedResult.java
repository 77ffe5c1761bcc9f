package dev.vigil.metrics.promql.conformance;

import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * What an eval expects the query to give.
 *
 * @param failure what the error should say when the query is expected to fail; null when it should succeed
 * @param ordered whether the instant vector's order must be that of the expected series
 * @param rangeVector whether an instant query is expected to give a range vector ({@code expect range vector})
 * @param string the expected string, or null when the result is not expected to be a string; an eval that
 *     expects nothing and gets a string expects the empty string, as in the original tooling
 * @param scalar the expected scalar, if one is expected
 * @param series the expected series, in the order written
 * @param histogram whether any expected value is a native histogram
 */
record ExpectedResult(@Nullable Expectation failure, boolean ordered, boolean rangeVector, @Nullable String string,
        OptionalDouble scalar, List<ExpectedSeries> series, boolean histogram) {

    /** Copies the list. */
    ExpectedResult {
        series = List.copyOf(series);
    }

    /** Whether the query is expected to fail. */
    boolean fails() {
        return failure != null;
    }
}
