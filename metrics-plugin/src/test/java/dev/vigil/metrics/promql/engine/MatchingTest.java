package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.Exprs.bin;
import static dev.vigil.metrics.promql.engine.Exprs.ignoring;
import static dev.vigil.metrics.promql.engine.Exprs.neg;
import static dev.vigil.metrics.promql.engine.Exprs.on;
import static dev.vigil.metrics.promql.engine.Exprs.sel;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.VectorMatching.Cardinality;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private final TestingMetricStore store = new TestingMetricStore();

    private void requests() {
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "0", "group", "production"), 100.0);
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "1", "group", "production"), 200.0);
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "0", "group", "canary"), 300.0);
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "1", "group", "canary"), 400.0);
    }

    @Test
    void oneToOneOnKeepsOnlyTheMatchingLabels() throws Exception {
        requests();
        var canary = sel("r", LabelMatcher.equal("group", "canary"));
        var production = sel("r", LabelMatcher.equal("group", "production"));

        var result = Run.vector(Run.instant(store,
                bin(BinaryOp.DIV, canary, production, on(Cardinality.ONE_TO_ONE, List.of("instance", "job")), false), 0));

        assertThat(result).containsOnly(entry(Labels.of("instance", "0", "job", "api"), 3.0),
                entry(Labels.of("instance", "1", "job", "api"), 2.0));
    }

    @Test
    void ignoringDropsTheIgnoredLabels() throws Exception {
        requests();
        var canary = sel("r", LabelMatcher.equal("group", "canary"));
        var production = sel("r", LabelMatcher.equal("group", "production"));

        var result = Run.vector(Run.instant(store,
                bin(BinaryOp.SUB, canary, production, ignoring(Cardinality.ONE_TO_ONE, List.of("group")), false), 0));

        assertThat(result).containsOnly(entry(Labels.of("instance", "0", "job", "api"), 200.0),
                entry(Labels.of("instance", "1", "job", "api"), 200.0));
    }

    @Test
    void groupLeftCopiesLabelsFromTheOneSide() throws Exception {
        load(store, 300_000, Labels.of("__name__", "node_var", "instance", "abc", "job", "node"), 2.0);
        load(store, 300_000, Labels.of("__name__", "node_role", "instance", "abc", "job", "node", "role", "prometheus"), 1.0);

        var left = Run.vector(Run.instant(store, bin(BinaryOp.MUL, sel("node_var"), sel("node_role"),
                on(Cardinality.MANY_TO_ONE, List.of("instance"), "role"), false), 60_000));
        var right = Run.vector(Run.instant(store, bin(BinaryOp.MUL, sel("node_role"), sel("node_var"),
                on(Cardinality.ONE_TO_MANY, List.of("instance"), "role"), false), 60_000));

        Labels expected = Labels.of("instance", "abc", "job", "node", "role", "prometheus");
        assertThat(left).containsExactly(entry(expected, 2.0));
        assertThat(right).containsExactly(entry(expected, 2.0));
    }

    @Test
    void filteringComparisonKeepsTheLeftValueAndName() throws Exception {
        load(store, 300_000, Labels.of("__name__", "test_total", "instance", "localhost"), 50.0);
        load(store, 300_000, Labels.of("__name__", "test_smaller", "instance", "localhost"), 10.0);

        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.GTR, sel("test_total"), sel("test_smaller")), 60_000)))
                .containsExactly(entry(Labels.of("__name__", "test_total", "instance", "localhost"), 50.0));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.LSS, sel("test_total"), sel("test_smaller"), true), 60_000)))
                .containsExactly(entry(Labels.of("instance", "localhost"), 0.0));
    }

    @Test
    void duplicatesOnTheOneSideFailWithBothSeriesInOrder() {
        load(store, 300_000, Labels.of("__name__", "dup_metric", "label", "beta"), 2.0);
        load(store, 300_000, Labels.of("__name__", "dup_metric", "label", "alpha"), 1.0);
        load(store, 300_000, Labels.of("__name__", "scalar_metric"), 3.0);

        assertThatThrownBy(() -> Run.instant(store, bin(BinaryOp.GTR, sel("scalar_metric"), sel("dup_metric"),
                on(Cardinality.ONE_TO_ONE, List.of()), false), 0))
                .isInstanceOf(QueryException.class)
                .hasMessage("found duplicate series for the match group {} on the right hand-side of the operation: "
                        + "[{__name__=\"dup_metric\", label=\"alpha\"}, {__name__=\"dup_metric\", label=\"beta\"}]"
                        + ";many-to-many matching not allowed: matching labels must be unique on one side");
    }

    @Test
    void manySeriesMatchingOneWithoutGroupLeftFail() {
        load(store, 300_000, Labels.of("__name__", "many_side", "label", "foo", "job", "test"), 0.0);
        load(store, 300_000, Labels.of("__name__", "many_side", "label", "bar", "job", "test"), 1.0);
        load(store, 300_000, Labels.of("__name__", "one_side", "job", "test"), 1.0);

        assertThatThrownBy(() -> Run.instant(store, bin(BinaryOp.GTR, sel("many_side"), sel("one_side"),
                on(Cardinality.ONE_TO_ONE, List.of("job")), false), 0))
                .hasMessage("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
    }

    @Test
    void setOperatorsWorkStepByStep() throws Exception {
        requests();
        var canary = sel("r", LabelMatcher.equal("group", "canary"));
        var instance0 = sel("r", LabelMatcher.equal("instance", "0"));

        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.AND, canary, instance0), 0)).keySet())
                .containsExactly(Labels.of("__name__", "r", "job", "api", "instance", "0", "group", "canary"));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.UNLESS, canary, instance0), 0)).keySet())
                .containsExactly(Labels.of("__name__", "r", "job", "api", "instance", "1", "group", "canary"));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.UNLESS, canary, instance0,
                on(Cardinality.MANY_TO_MANY, List.of("job")), false), 0))).isEmpty();
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.OR, canary, instance0), 0))).hasSize(3);
    }

    @Test
    void orJoinsSeriesThatLostTheirNames() throws Exception {
        load(store, 600_000, Labels.of("__name__", "metric_a"), 1.0, null);
        load(store, 600_000, Labels.of("__name__", "metric_b"), 3.0, 4.0);

        var result = Run.range(store, bin(BinaryOp.OR, neg(sel("metric_a")), neg(sel("metric_b"))), 0, 1_200_000, 600_000);

        assertThat(Run.matrix(result)).containsExactly(entry(Labels.EMPTY, "0=-1 600=-4"));
    }
}
