package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    private void requests() {
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "0", "group", "production"), 100.0);
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "1", "group", "production"), 200.0);
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "0", "group", "canary"), 300.0);
        load(store, 300_000, Labels.of("__name__", "r", "job", "api", "instance", "1", "group", "canary"), 400.0);
    }

    @Test
    void oneToOneOnKeepsOnlyTheMatchingLabels() throws Exception {
        requests();

        assertThat(queries.vector("r{group=\"canary\"} / on(instance, job) r{group=\"production\"}", 0)).containsOnly(
                entry(Labels.of("instance", "0", "job", "api"), 3.0), entry(Labels.of("instance", "1", "job", "api"), 2.0));
    }

    @Test
    void ignoringDropsTheIgnoredLabels() throws Exception {
        requests();

        assertThat(queries.vector("r{group=\"canary\"} - ignoring(group) r{group=\"production\"}", 0)).containsOnly(
                entry(Labels.of("instance", "0", "job", "api"), 200.0), entry(Labels.of("instance", "1", "job", "api"), 200.0));
    }

    @Test
    void groupLeftAndGroupRightCopyLabelsFromTheOneSide() throws Exception {
        load(store, 300_000, Labels.of("__name__", "node_var", "instance", "abc", "job", "node"), 2.0);
        load(store, 300_000, Labels.of("__name__", "node_role", "instance", "abc", "job", "node", "role", "prometheus"), 1.0);

        Labels expected = Labels.of("instance", "abc", "job", "node", "role", "prometheus");
        assertThat(queries.vector("node_var * on (instance) group_left (role) node_role", 60_000))
                .containsExactly(entry(expected, 2.0));
        assertThat(queries.vector("node_role * on (instance) group_right (role) node_var", 60_000))
                .containsExactly(entry(expected, 2.0));
    }

    @Test
    void groupLeftRatioOfTotal() throws Exception {
        load(store, 300_000, Labels.of("__name__", "node_cpu", "instance", "abc", "job", "node", "mode", "idle"), 3.0);
        load(store, 300_000, Labels.of("__name__", "node_cpu", "instance", "abc", "job", "node", "mode", "user"), 1.0);

        assertThat(queries.vector("node_cpu / on (instance) group_left sum by (instance,job)(node_cpu)", 60_000)).containsOnly(
                entry(Labels.of("instance", "abc", "job", "node", "mode", "idle"), 0.75),
                entry(Labels.of("instance", "abc", "job", "node", "mode", "user"), 0.25));
    }

    @Test
    void filteringComparisonKeepsTheLeftValueAndName() throws Exception {
        load(store, 300_000, Labels.of("__name__", "test_total", "instance", "localhost"), 50.0);
        load(store, 300_000, Labels.of("__name__", "test_smaller", "instance", "localhost"), 10.0);

        assertThat(queries.vector("test_total > test_smaller", 60_000))
                .containsExactly(entry(Labels.of("__name__", "test_total", "instance", "localhost"), 50.0));
        assertThat(queries.vector("test_total < bool test_smaller", 60_000))
                .containsExactly(entry(Labels.of("instance", "localhost"), 0.0));
    }

    @Test
    void duplicatesOnTheOneSideFailWithBothSeriesInOrder() {
        load(store, 300_000, Labels.of("__name__", "dup_metric", "label", "beta"), 2.0);
        load(store, 300_000, Labels.of("__name__", "dup_metric", "label", "alpha"), 1.0);
        load(store, 300_000, Labels.of("__name__", "scalar_metric"), 3.0);

        assertThatThrownBy(() -> queries.instant("scalar_metric > on() dup_metric", 0))
                .hasMessage("found duplicate series for the match group {} on the right hand-side of the operation: "
                        + "[{__name__=\"dup_metric\", label=\"alpha\"}, {__name__=\"dup_metric\", label=\"beta\"}]"
                        + ";many-to-many matching not allowed: matching labels must be unique on one side");
    }

    @Test
    void manySeriesMatchingOneWithoutGroupLeftFail() {
        load(store, 300_000, Labels.of("__name__", "many_side", "label", "foo", "job", "test"), 0.0);
        load(store, 300_000, Labels.of("__name__", "many_side", "label", "bar", "job", "test"), 1.0);
        load(store, 300_000, Labels.of("__name__", "one_side", "job", "test"), 1.0);

        assertThatThrownBy(() -> queries.instant("many_side > on(job) one_side", 0))
                .hasMessage("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
    }

    @Test
    void setOperatorsWorkStepByStep() throws Exception {
        requests();

        assertThat(queries.vector("r{group=\"canary\"} and r{instance=\"0\"}", 0).keySet())
                .containsExactly(Labels.of("__name__", "r", "job", "api", "instance", "0", "group", "canary"));
        assertThat(queries.vector("r{group=\"canary\"} unless r{instance=\"0\"}", 0).keySet())
                .containsExactly(Labels.of("__name__", "r", "job", "api", "instance", "1", "group", "canary"));
        assertThat(queries.vector("r{group=\"canary\"} unless on(job) r{instance=\"0\"}", 0)).isEmpty();
        assertThat(queries.vector("r{group=\"canary\"} or r{instance=\"0\"}", 0)).hasSize(3);
        assertThat(queries.vector("r AND ON (dummy) vector(1)", 0)).hasSize(4);
    }

    @Test
    void orJoinsSeriesThatLostTheirNames() throws Exception {
        load(store, 600_000, Labels.of("__name__", "metric_a"), 1.0, null);
        load(store, 600_000, Labels.of("__name__", "metric_b"), 3.0, 4.0);

        assertThat(queries.matrix("-metric_a or -metric_b", 0, 1_200_000, 600_000))
                .containsExactly(entry(Labels.EMPTY, "0=-1 600=-4"));
    }
}
