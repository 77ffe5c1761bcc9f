package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

class AggregationsTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    private void requests() {
        String[][] series = {
            {"api-server", "0", "production", "100"}, {"api-server", "1", "production", "200"},
            {"api-server", "0", "canary", "300"}, {"api-server", "1", "canary", "400"},
            {"app-server", "0", "production", "500"}, {"app-server", "1", "production", "600"},
            {"app-server", "0", "canary", "700"}, {"app-server", "1", "canary", "800"}};
        for (String[] s : series) {
            load(store, 300_000, Labels.of("__name__", "r", "job", s[0], "instance", s[1], "group", s[2]),
                    Double.parseDouble(s[3]));
        }
    }

    @Test
    void sumByAndWithout() throws Exception {
        requests();

        assertThat(queries.vector("sum by (group) (r{job=\"api-server\"})", 0))
                .containsOnly(entry(Labels.of("group", "canary"), 700.0), entry(Labels.of("group", "production"), 300.0));
        assertThat(queries.vector("sum without (instance) (r{job=\"api-server\"})", 0)).containsOnly(
                entry(Labels.of("group", "canary", "job", "api-server"), 700.0),
                entry(Labels.of("group", "production", "job", "api-server"), 300.0));
        assertThat(queries.vector("sum(r{job=\"api-server\"})", 0)).containsOnly(entry(Labels.EMPTY, 1000.0));
        assertThat(queries.vector("SUM(r) BY (job, nonexistent)", 0)).containsOnly(
                entry(Labels.of("job", "api-server"), 1000.0), entry(Labels.of("job", "app-server"), 2600.0));
    }

    @Test
    void countAvgMinMaxGroup() throws Exception {
        requests();
        Labels app = Labels.of("job", "app-server");

        assertThat(queries.vector("count by (job) (r)", 0)).containsEntry(app, 4.0);
        assertThat(queries.vector("avg by (job) (r)", 0)).containsEntry(app, 650.0);
        assertThat(queries.vector("min by (job) (r)", 0)).containsEntry(app, 500.0);
        assertThat(queries.vector("max by (job) (r)", 0)).containsEntry(app, 800.0);
        assertThat(queries.vector("group by (job) (r)", 0)).containsEntry(app, 1.0);
    }

    @Test
    void stddevAndStdvar() throws Exception {
        requests();

        assertThat(queries.vector("stdvar(r)", 0).values()).singleElement().satisfies(v -> assertThat(v).isCloseTo(52500, within(1e-9)));
        assertThat(queries.vector("stddev by (instance) (r)", 0).values())
                .allSatisfy(v -> assertThat(v).isCloseTo(223.60679774998, within(1e-9)));
    }

    @Test
    void avgOfInfinitiesAndHugeValues() throws Exception {
        load(store, 10_000, Labels.of("__name__", "d", "t", "inf", "p", "a"), 0.0);
        load(store, 10_000, Labels.of("__name__", "d", "t", "inf", "p", "b"), Double.POSITIVE_INFINITY);
        load(store, 10_000, Labels.of("__name__", "d", "t", "inf", "p", "c"), 0.0);
        for (String p : new String[] {"a", "b", "c", "d"}) {
            load(store, 10_000, Labels.of("__name__", "d", "t", "big", "p", p), 9.988465674311579e+307);
        }

        assertThat(queries.vector("avg by (t) (d)", 0)).containsOnly(
                entry(Labels.of("t", "inf"), Double.POSITIVE_INFINITY), entry(Labels.of("t", "big"), 9.988465674311579e+307));
    }

    @Test
    void sumIsCompensated() throws Exception {
        load(store, 10_000, Labels.of("__name__", "d", "p", "a"), 2.0);
        load(store, 10_000, Labels.of("__name__", "d", "p", "b"), 8.0);
        load(store, 10_000, Labels.of("__name__", "d", "p", "c"), 1e100);
        load(store, 10_000, Labels.of("__name__", "d", "p", "d"), -1e100);

        assertThat(queries.vector("sum(d)", 0).values()).containsExactly(10.0);
    }

    @Test
    void maxSkipsNaNUnlessAllAreNaN() throws Exception {
        load(store, 300_000, Labels.of("__name__", "m", "i", "0"), 1.0);
        load(store, 300_000, Labels.of("__name__", "m", "i", "1"), Double.NaN);
        load(store, 300_000, Labels.of("__name__", "m", "i", "2"), 4.0);

        assertThat(queries.vector("max(m)", 0).values()).containsExactly(4.0);
        assertThat(queries.vector("min(m)", 0).values()).containsExactly(1.0);
    }

    @Test
    void quantileRanksNaNLowest() throws Exception {
        load(store, 10_000, Labels.of("__name__", "d", "p", "a"), 0.0);
        load(store, 10_000, Labels.of("__name__", "d", "p", "b"), 1.0);
        load(store, 10_000, Labels.of("__name__", "d", "p", "c"), Double.NaN);

        assertThat(queries.vector("quantile(0.8, d)", 60_000).values()).singleElement()
                .satisfies(v -> assertThat(v).isCloseTo(0.6, within(1e-12)));
        assertThat(queries.instant("quantile without(p)(NaN, d)", 60_000).warnings())
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got NaN (1:21)");
    }

    @Test
    void topkListsTheLargestFirstAndNaNLast() throws Exception {
        requests();
        load(store, 300_000, Labels.of("__name__", "r", "job", "api-server", "instance", "2", "group", "production"), Double.NaN);

        var top = (QueryValue.VectorValue) queries.instant("topk(3, r)", 0).value();
        assertThat(top.samples()).extracting(QueryValue.Sample::value).containsExactly(800.0, 700.0, 600.0);
        var bottom = (QueryValue.VectorValue) queries.instant("bottomk(3, r{group=\"production\", job=\"api-server\"})", 0).value();
        assertThat(bottom.samples()).extracting(QueryValue.Sample::value).containsExactly(100.0, 200.0, Double.NaN);
    }

    @Test
    void topkChoosesAtEachStepOfARangeQuery() throws Exception {
        for (int i = 0; i < 4; i++) {
            load(store, 60_000, Labels.of("__name__", "m", "i", Integer.toString(i)), (double) i, (double) (3 - i));
        }
        load(store, 60_000, Labels.of("__name__", "k"), 1.0, 3.0);

        assertThat(queries.matrix("count(topk(scalar(k), m))", 0, 60_000, 60_000).values()).containsExactly("0=1 60=3");
        assertThat(queries.matrix("topk(1, m)", 0, 60_000, 60_000)).containsOnly(
                entry(Labels.of("__name__", "m", "i", "0"), "60=3"), entry(Labels.of("__name__", "m", "i", "3"), "0=3"));
    }

    @Test
    void kParametersAreChecked() {
        assertThatThrownBy(() -> queries.instant("topk(NaN, none)", 0)).hasMessage("Parameter value is NaN");
        assertThatThrownBy(() -> queries.instant("limitk(NaN, none)", 0)).hasMessage("Parameter value is NaN");
        assertThatThrownBy(() -> queries.instant("limit_ratio(NaN, none)", 0)).hasMessage("Ratio value is NaN");
    }

    @Test
    void limitRatioKeepsComplementarySubsets() throws Exception {
        requests();

        assertThat(queries.vector("count(limit_ratio(0.3, r) or limit_ratio(-0.7, r))", 0).values()).containsExactly(8.0);
        assertThat(queries.vector("count(limit_ratio(0.3, r) and limit_ratio(-0.7, r))", 0)).isEmpty();
        var capped = queries.instant("count(limit_ratio(1.1, r))", 0);
        assertThat(capped.warnings())
                .containsExactly("PromQL warning: ratio value should be between -1 and 1, got 1.1, capping to 1 (1:19)");
        assertThat(Queries.vector(capped).values()).containsExactly(8.0);
    }

    @Test
    void limitkKeepsKSeriesPerGroup() throws Exception {
        requests();

        assertThat(queries.vector("limitk by (group) (1, r)", 0)).hasSize(2);
        assertThat(queries.vector("limitk(0, r)", 0)).isEmpty();
    }

    @Test
    void countValuesCountsEachValue() throws Exception {
        load(store, 300_000, Labels.of("__name__", "version", "i", "0"), 6.0);
        load(store, 300_000, Labels.of("__name__", "version", "i", "1"), 6.0);
        load(store, 300_000, Labels.of("__name__", "version", "i", "2"), 7.5);

        assertThat(queries.vector("count_values(\"version\", version)", 60_000))
                .containsOnly(entry(Labels.of("version", "6"), 2.0), entry(Labels.of("version", "7.5"), 1.0));
        assertThat(queries.vector("count_values without (i) (\"i\", version)", 60_000))
                .containsOnly(entry(Labels.EMPTY, 3.0));
        assertThat(queries.vector("count_values by (i) (\"v\", version)", 60_000)).hasSize(3);
        assertThatThrownBy(() -> queries.instant("count_values(\"a\\xc5z\", version)", 0))
                .hasMessage("invalid label name \"a\\xc5z\"");
    }

    @Test
    void labelHashIsXxh64() {
        assertThat(LabelHash.xxh64(new byte[0])).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(LabelHash.xxh64("a".getBytes())).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(LabelHash.xxh64("abc".getBytes())).isEqualTo(0x44BC2CF5AD770999L);
        assertThat(LabelHash.xxh64("Nobody inspects the spammish repetition".getBytes())).isEqualTo(0xFBCEA83C8A378BF1L);
        assertThat(LabelHash.unitInterval(Labels.EMPTY)).isBetween(0.0, 1.0);
    }
}
