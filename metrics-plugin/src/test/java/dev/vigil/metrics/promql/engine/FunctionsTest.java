package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

/** The functions the evaluator implements itself rather than through the kernels. */
class FunctionsTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    @Test
    void timeVectorAndScalar() throws Exception {
        load(store, 60_000, Labels.of("__name__", "m", "l", "x"), 1.0);
        load(store, 60_000, Labels.of("__name__", "m", "l", "y"), 2.0);

        assertThat(Queries.scalar(queries.instant("time()", 3_000_000))).isEqualTo(3000);
        assertThat(queries.vector("vector(time())", 5_000)).containsExactly(entry(Labels.EMPTY, 5.0));
        assertThat(Queries.scalar(queries.instant("scalar(m)", 0))).isNaN();
        assertThat(Queries.scalar(queries.instant("scalar(m{l=\"x\"})", 0))).isEqualTo(1);
        assertThat(Queries.scalar(queries.instant("pi()", 0))).isEqualTo(Math.PI);
        assertThat(Queries.scalar(queries.instant("min_of(3, NaN)", 0))).isNaN();
        assertThat(Queries.scalar(queries.instant("max_of(-2, -5)", 0))).isEqualTo(-2);
    }

    @Test
    void timestampOfASelectorIsTheSampleTime() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), TestData.series(0, 1, 10));

        assertThat(queries.vector("timestamp(metric)", 5_000)).containsExactly(entry(Labels.EMPTY, 0.0));
        assertThat(queries.vector("timestamp(((metric)))", 15_000).values()).containsExactly(10.0);
        assertThat(queries.matrix("timestamp(metric @ 19)", 0, 60_000, 10_000).values())
                .containsExactly("0=10 10=10 20=10 30=10 40=10 50=10 60=10");
        assertThat(queries.matrix("timestamp(abs(metric @ 11))", 0, 20_000, 10_000).values()).containsExactly("0=0 10=10 20=20");
        assertThat(queries.vector("timestamp(timestamp(metric @ 10))", 600_000).values()).containsExactly(600.0);
    }

    @Test
    void queryTimeFunctions() throws Exception {
        assertThat(queries.matrix("step()", 0, 10_000, 5_000).values()).containsExactly("0=5 5=5 10=5");
        assertThat(queries.matrix("range()", 10_000, 50_000, 10_000).values()).containsExactly("10=40 20=40 30=40 40=40 50=40");
        assertThat(queries.matrix("end() - start()", 10_000, 20_000, 5_000).values()).containsExactly("10=10 15=10 20=10");
        assertThat(Queries.scalar(queries.instant("step()", 0))).isZero();
        assertThat(Queries.scalar(queries.instant("start()", 100_000))).isEqualTo(100);
    }

    @Test
    void dateFunctionsDefaultToTheEvaluationTime() throws Exception {
        assertThat(queries.vector("year()", 0)).containsExactly(entry(Labels.EMPTY, 1970.0));
        assertThat(queries.vector("day_of_week()", 0).values()).containsExactly(4.0);
        assertThat(queries.vector("hour(vector(1136239445))", 0).values()).containsExactly(22.0);
        assertThat(queries.vector("sum_over_time(minute()[50m:1m] @ 6000)", 0).values()).containsExactly(1315.0);
    }

    @Test
    void absentGivesTheLabelsOfTheSelector() throws Exception {
        load(store, 60_000, Labels.of("__name__", "present"), 1.0);

        assertThat(queries.vector("absent(nonexistent{job=\"testjob\", instance=\"testinstance\", method=~\".x\"})", 0))
                .containsExactly(entry(Labels.of("instance", "testinstance", "job", "testjob"), 1.0));
        assertThat(queries.vector("absent(nonexistent{job=\"a\",job=\"b\",foo=\"bar\"})", 0))
                .containsExactly(entry(Labels.of("foo", "bar"), 1.0));
        assertThat(queries.vector("absent(sum(nonexistent))", 0)).containsExactly(entry(Labels.EMPTY, 1.0));
        assertThat(queries.vector("absent(present)", 0)).isEmpty();
    }

    @Test
    void sortOrdersInstantResults() throws Exception {
        load(store, 60_000, Labels.of("__name__", "m", "i", "a"), 3.0);
        load(store, 60_000, Labels.of("__name__", "m", "i", "b"), Double.NaN);
        load(store, 60_000, Labels.of("__name__", "m", "i", "c"), 1.0);

        assertThat(values(queries.instant("sort(m)", 0).value())).containsExactly(1.0, 3.0, Double.NaN);
        assertThat(values(queries.instant("sort_desc(m)", 0).value())).containsExactly(3.0, 1.0, Double.NaN);
    }

    @Test
    void sortByLabelUsesNaturalOrder() throws Exception {
        for (String cpu : new String[] {"10", "2", "1", "100", "21"}) {
            load(store, 60_000, Labels.of("__name__", "cpu", "cpu", cpu), 1.0);
        }

        var result = (QueryValue.VectorValue) queries.instant("sort_by_label(cpu, \"cpu\")", 0).value();
        assertThat(result.samples()).extracting(s -> s.labels().get("cpu")).containsExactly("1", "2", "10", "21", "100");
        var desc = (QueryValue.VectorValue) queries.instant("sort_by_label_desc(cpu, \"cpu\")", 0).value();
        assertThat(desc.samples()).extracting(s -> s.labels().get("cpu")).containsExactly("100", "21", "10", "2", "1");
        assertThat(NaturalOrder.compare("1.2.3", "1.11.3")).isNegative();
        assertThat(NaturalOrder.compare("4m600", "4m1000")).isNegative();
    }

    @Test
    void sortInARangeQueryWarns() throws Exception {
        assertThat(queries.range("sum(sort(series))", 60_000, 120_000, 60_000).warnings()).containsExactly(
                "PromQL warning: sort is ineffective for range queries since results are always ordered by labels (1:5)");
    }

    @Test
    void labelReplaceAndJoin() throws Exception {
        load(store, 300_000, Labels.of("__name__", "t", "src", "source-value-10", "dst", "original"), 0.0);

        assertThat(queries.vector("label_replace(t, \"dst\", \"destination-value-$1\", \"src\", \"source-value-(.*)\")", 0))
                .containsExactly(entry(Labels.of("__name__", "t", "src", "source-value-10", "dst", "destination-value-10"), 0.0));
        assertThat(queries.vector("label_replace(t, \"dst\", \"value-$1\", \"src\", \"value-(.*)\")", 0).keySet())
                .containsExactly(Labels.of("__name__", "t", "src", "source-value-10", "dst", "original"));
        assertThat(queries.vector("label_replace(t, \"dst\", \"\", \"dst\", \".*\")", 0).keySet())
                .containsExactly(Labels.of("__name__", "t", "src", "source-value-10"));
        assertThat(queries.vector("label_join(t, \"dst\", \"-\", \"src\", \"missing\", \"__name__\")", 0).keySet())
                .containsExactly(Labels.of("__name__", "t", "src", "source-value-10", "dst", "source-value-10--t"));
        assertThatThrownBy(() -> queries.instant("label_replace(t, \"dst\", \"v\", \"src\", \"(.*\")", 0))
                .hasMessage("invalid regular expression in label_replace(): (.*");
        assertThatThrownBy(() -> queries.instant("label_replace(t, \"\\xff\", \"\", \"src\", \"(.*)\")", 0))
                .hasMessageStartingWith("invalid destination label name in label_replace(): ");
    }

    @Test
    void labelReplaceJoinsSeriesThatNeverMeet() throws Exception {
        load(store, 1_200_000, Labels.of("__name__", "series", "label", "a", "idx", "1"), 2.0, null);
        load(store, 1_200_000, Labels.of("__name__", "series", "label", "a", "idx", "2"), null, 4.0);

        assertThat(queries.matrix("label_replace(series, \"idx\", \"replaced\", \"idx\", \".*\")", 0, 1_200_000, 1_200_000))
                .containsExactly(entry(Labels.of("__name__", "series", "label", "a", "idx", "replaced"), "0=2 1200=4"));
    }

    @Test
    void elementFunctionsTakeScalarArgumentsAtEachStep() throws Exception {
        load(store, 60_000, Labels.of("__name__", "c", "src", "a"), -50.0, 100.0);
        load(store, 60_000, Labels.of("__name__", "bound"), 75.0, 90.0);

        assertThat(queries.matrix("clamp_max(c, scalar(bound))", 0, 60_000, 60_000))
                .containsExactly(entry(Labels.of("src", "a"), "0=-50 60=90"));
        assertThat(queries.vector("clamp(c, 5, -5)", 0)).isEmpty();
        assertThat(queries.vector("round(c, 7)", 60_000).values()).containsExactly(98.0);
    }

    @Test
    void nativeHistogramFunctionsFindNothingInFloats() throws Exception {
        load(store, 60_000, Labels.of("__name__", "h"), 1.0);

        assertThat(queries.vector("histogram_count(h)", 0)).isEmpty();
        assertThat(queries.vector("histogram_avg(h)", 0)).isEmpty();
    }

    @Test
    void infoIsNotSupported() {
        assertThatThrownBy(() -> queries.instant("info(up)", 0)).hasMessage("function info() is not supported");
    }

    private static java.util.List<Double> values(QueryValue value) {
        return ((QueryValue.VectorValue) value).samples().stream().map(QueryValue.Sample::value).toList();
    }
}
