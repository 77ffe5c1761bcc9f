package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.Exprs.agg;
import static dev.vigil.metrics.promql.engine.Exprs.aggParam;
import static dev.vigil.metrics.promql.engine.Exprs.aggWithout;
import static dev.vigil.metrics.promql.engine.Exprs.bin;
import static dev.vigil.metrics.promql.engine.Exprs.call;
import static dev.vigil.metrics.promql.engine.Exprs.num;
import static dev.vigil.metrics.promql.engine.Exprs.sel;
import static dev.vigil.metrics.promql.engine.Exprs.str;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationsTest {

    private final TestingMetricStore store = new TestingMetricStore();

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
        var api = sel("r", LabelMatcher.equal("job", "api-server"));

        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.SUM, api, "group"), 0)))
                .containsOnly(entry(Labels.of("group", "canary"), 700.0), entry(Labels.of("group", "production"), 300.0));
        assertThat(Run.vector(Run.instant(store, aggWithout(AggregateOp.SUM, api, "instance"), 0))).containsOnly(
                entry(Labels.of("group", "canary", "job", "api-server"), 700.0),
                entry(Labels.of("group", "production", "job", "api-server"), 300.0));
        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.SUM, api), 0))).containsOnly(entry(Labels.EMPTY, 1000.0));
    }

    @Test
    void countAvgMinMaxGroup() throws Exception {
        requests();
        Map<AggregateOp, Double> expected = Map.of(AggregateOp.COUNT, 4.0, AggregateOp.AVG, 650.0,
                AggregateOp.MIN, 500.0, AggregateOp.MAX, 800.0, AggregateOp.GROUP, 1.0);
        expected.forEach((op, value) -> {
            try {
                assertThat(Run.vector(Run.instant(store, agg(op, sel("r"), "job"), 0)))
                        .containsEntry(Labels.of("job", "app-server"), value);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void stddevAndStdvar() throws Exception {
        requests();

        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.STDVAR, sel("r")), 0)).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(52500, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.STDDEV, sel("r"), "instance"), 0)).values())
                .allSatisfy(v -> assertThat(v).isCloseTo(223.60679774998, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void avgOfInfinitiesAndHugeValues() throws Exception {
        load(store, 10_000, Labels.of("__name__", "d", "t", "inf", "p", "a"), 0.0);
        load(store, 10_000, Labels.of("__name__", "d", "t", "inf", "p", "b"), Double.POSITIVE_INFINITY);
        load(store, 10_000, Labels.of("__name__", "d", "t", "inf", "p", "c"), 0.0);
        load(store, 10_000, Labels.of("__name__", "d", "t", "big", "p", "a"), 9.988465674311579e+307);
        load(store, 10_000, Labels.of("__name__", "d", "t", "big", "p", "b"), 9.988465674311579e+307);
        load(store, 10_000, Labels.of("__name__", "d", "t", "big", "p", "c"), 9.988465674311579e+307);

        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.AVG, sel("d"), "t"), 0))).containsOnly(
                entry(Labels.of("t", "inf"), Double.POSITIVE_INFINITY), entry(Labels.of("t", "big"), 9.988465674311579e+307));
    }

    @Test
    void maxSkipsNaNUnlessAllAreNaN() throws Exception {
        load(store, 300_000, Labels.of("__name__", "m", "i", "0"), 1.0);
        load(store, 300_000, Labels.of("__name__", "m", "i", "1"), Double.NaN);
        load(store, 300_000, Labels.of("__name__", "m", "i", "2"), 4.0);

        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.MAX, sel("m")), 0)).values()).containsExactly(4.0);
        assertThat(Run.vector(Run.instant(store, agg(AggregateOp.MIN, sel("m")), 0)).values()).containsExactly(1.0);
    }

    @Test
    void quantileRanksNaNLowest() throws Exception {
        load(store, 10_000, Labels.of("__name__", "d", "p", "a"), 0.0);
        load(store, 10_000, Labels.of("__name__", "d", "p", "b"), 1.0);
        load(store, 10_000, Labels.of("__name__", "d", "p", "c"), Double.NaN);

        assertThat(Run.vector(Run.instant(store, aggParam(AggregateOp.QUANTILE, num(0.8), sel("d")), 60_000)).values())
                .containsExactly(0.6000000000000001);
        var warned = Run.instant(store, aggParam(AggregateOp.QUANTILE, num(Double.NaN), sel("d")), 60_000);
        assertThat(warned.warnings()).containsExactly("PromQL warning: quantile value should be between 0 and 1, got NaN (1:1)");
    }

    @Test
    void topkListsTheLargestFirstAndNaNLast() throws Exception {
        requests();
        load(store, 300_000, Labels.of("__name__", "r", "job", "api-server", "instance", "2", "group", "production"), Double.NaN);

        var top = (QueryValue.VectorValue) Run.instant(store, aggParam(AggregateOp.TOPK, num(3), sel("r")), 0).value();
        assertThat(top.samples()).extracting(QueryValue.Sample::value).containsExactly(800.0, 700.0, 600.0);
        var production = sel("r", LabelMatcher.equal("group", "production"), LabelMatcher.equal("job", "api-server"));
        var bottom = (QueryValue.VectorValue) Run.instant(store, aggParam(AggregateOp.BOTTOMK, num(3), production), 0).value();
        assertThat(bottom.samples()).extracting(QueryValue.Sample::value).containsExactly(100.0, 200.0, Double.NaN);
    }

    @Test
    void topkChoosesAtEachStepOfARangeQuery() throws Exception {
        for (int i = 0; i < 4; i++) {
            load(store, 60_000, Labels.of("__name__", "m", "i", Integer.toString(i)), (double) i, (double) (3 - i));
        }
        load(store, 60_000, Labels.of("__name__", "k"), 1.0, 3.0);

        var count = agg(AggregateOp.COUNT, aggParam(AggregateOp.TOPK, call("scalar", sel("k")), sel("m")));
        assertThat(Run.matrix(Run.range(store, count, 0, 60_000, 60_000)).values()).containsExactly("0=1 60=3");
        var top = aggParam(AggregateOp.TOPK, num(1), sel("m"));
        assertThat(Run.matrix(Run.range(store, top, 0, 60_000, 60_000))).containsOnly(
                entry(Labels.of("__name__", "m", "i", "0"), "60=3"), entry(Labels.of("__name__", "m", "i", "3"), "0=3"));
    }

    @Test
    void kParametersAreChecked() {
        assertThatThrownBy(() -> Run.instant(store, aggParam(AggregateOp.TOPK, num(Double.NaN), sel("none")), 0))
                .hasMessage("Parameter value is NaN");
        assertThatThrownBy(() -> Run.instant(store, aggParam(AggregateOp.LIMIT_RATIO, num(Double.NaN), sel("none")), 0))
                .hasMessage("Ratio value is NaN");
    }

    @Test
    void limitRatioKeepsComplementarySubsets() throws Exception {
        requests();
        var some = aggParam(AggregateOp.LIMIT_RATIO, num(0.3), sel("r"));
        var rest = aggParam(AggregateOp.LIMIT_RATIO, num(-0.7), sel("r"));

        var or = Run.vector(Run.instant(store, agg(AggregateOp.COUNT, bin(BinaryOp.OR, some, rest)), 0));
        var and = Run.vector(Run.instant(store, agg(AggregateOp.COUNT, bin(BinaryOp.AND, some, rest)), 0));
        assertThat(or.values()).containsExactly(8.0);
        assertThat(and).isEmpty();
        var capped = Run.instant(store, aggParam(AggregateOp.LIMIT_RATIO, num(1.1), sel("r")), 0);
        assertThat(capped.warnings())
                .containsExactly("PromQL warning: ratio value should be between -1 and 1, got 1.1, capping to 1 (1:1)");
        assertThat(Run.vector(capped)).hasSize(8);
    }

    @Test
    void limitkKeepsKSeriesPerGroup() throws Exception {
        requests();

        assertThat(Run.vector(Run.instant(store, aggParam(AggregateOp.LIMITK, num(1), sel("r"), "group"), 0))).hasSize(2);
        assertThat(Run.vector(Run.instant(store, aggParam(AggregateOp.LIMITK, num(0), sel("r")), 0))).isEmpty();
    }

    @Test
    void countValuesCountsEachValue() throws Exception {
        load(store, 300_000, Labels.of("__name__", "version", "i", "0"), 6.0);
        load(store, 300_000, Labels.of("__name__", "version", "i", "1"), 6.0);
        load(store, 300_000, Labels.of("__name__", "version", "i", "2"), 7.5);

        var result = Run.vector(Run.instant(store, aggParam(AggregateOp.COUNT_VALUES, str("version"), sel("version")), 60_000));
        assertThat(result).containsOnly(entry(Labels.of("version", "6"), 2.0), entry(Labels.of("version", "7.5"), 1.0));
        assertThatThrownBy(() -> Run.instant(store, aggParam(AggregateOp.COUNT_VALUES, str(""), sel("version")), 0))
                .hasMessage("invalid label name \"\"");
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
