package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

/** {@code histogram_quantile}, {@code histogram_quantiles} and {@code histogram_fraction} over classic buckets. */
class HistogramFunctionsTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    private void buckets(String name, String le, double perStep, String... labels) {
        String[] all = new String[labels.length + 4];
        all[0] = "__name__";
        all[1] = name;
        all[2] = "le";
        all[3] = le;
        System.arraycopy(labels, 0, all, 4, labels.length);
        load(store, 300_000, Labels.of(all), TestData.series(0, perStep, 10));
    }

    private void histogram2() {
        buckets("h_bucket", "0", 0);
        buckets("h_bucket", "2", 1);
        buckets("h_bucket", "4", 2);
        buckets("h_bucket", "6", 3);
        buckets("h_bucket", "+Inf", 3);
    }

    @Test
    void quantileInterpolatesInsideTheBucket() throws Exception {
        histogram2();

        assertThat(queries.vector("histogram_quantile(0.5, h_bucket)", 420_000)).containsExactly(entry(Labels.EMPTY, 3.0));
        assertThat(queries.vector("histogram_quantile(5./6., h_bucket)", 420_000).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(5, within(1e-9)));
        assertThat(queries.vector("histogram_quantile(0.5, rate(h_bucket[15m]))", 2_820_000).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(3, within(1e-9)));
    }

    @Test
    void quantilesLabelEachQuantile() throws Exception {
        histogram2();

        assertThat(queries.vector("histogram_quantiles(h_bucket, \"q\", 0.5, 1)", 420_000))
                .containsOnly(entry(Labels.of("q", "0.5"), 3.0), entry(Labels.of("q", "1.0"), 6.0));
    }

    @Test
    void fractionOfObservations() throws Exception {
        histogram2();

        assertThat(queries.vector("histogram_fraction(0, 4, h_bucket)", 3_000_000).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(2.0 / 3, within(1e-12)));
    }

    @Test
    void invalidQuantilesWarnEvenWithoutData() throws Exception {
        assertThat(queries.instant("histogram_quantile(NaN, non_existent)", 0).warnings())
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got NaN (1:20)");
    }

    @Test
    void badLeLabelsWarnAndAreLeftOut() throws Exception {
        load(store, 60_000, Labels.of("__name__", "series", "ale", "0.1"), 2.0);

        var result = queries.instant("histogram_quantile(0.8, series)", 0);
        assertThat(Queries.vector(result)).isEmpty();
        assertThat(result.warnings()).containsExactly("PromQL warning: bucket label \"le\" is missing or has a malformed value "
                + "of \"\" for metric name \"series\" (1:25)");
    }

    @Test
    void decreasingBucketsAreFixedWithAnInfo() throws Exception {
        buckets("nonmonotonic_bucket", "0.1", 2);
        buckets("nonmonotonic_bucket", "1", 1);
        buckets("nonmonotonic_bucket", "10", 5);
        buckets("nonmonotonic_bucket", "100", 4);
        buckets("nonmonotonic_bucket", "1000", 9);
        buckets("nonmonotonic_bucket", "+Inf", 8);

        var result = queries.instant("histogram_quantile(0.5, nonmonotonic_bucket)", 3_000_000);
        assertThat(Queries.vector(result).values()).singleElement().satisfies(v -> assertThat(v).isCloseTo(8.5, within(1e-9)));
        assertThat(result.infos()).singleElement().asString().startsWith("PromQL info: input to histogram_quantile needed");
    }

    @Test
    void twoHistogramsWithTheSameLabelsFail() {
        buckets("a_bucket", "0.1", 1, "job", "j");
        buckets("a_bucket", "+Inf", 2, "job", "j");
        buckets("b_bucket", "0.1", 1, "job", "j");
        buckets("b_bucket", "+Inf", 2, "job", "j");

        assertThatThrownBy(() -> queries.instant("histogram_quantile(0.99, {__name__=~\"[ab]_bucket\"})", 3_000_000))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }
}
