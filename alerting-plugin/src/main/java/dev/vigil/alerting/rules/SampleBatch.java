package dev.vigil.alerting.rules;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.StaleMarker;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The samples one group evaluation writes, through one appender until it is committed. It remembers which series
 * each rule produced, so that the group learns them only once they are committed. Samples the store refuses are
 * counted and logged per rule as Prometheus logs them; a refused staleness marker is expected (another rule may
 * write the same series) and only an unexpected reason is logged. Not thread-safe.
 */
final class SampleBatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleBatch.class);

    /** Told which rules' results were lost when a commit fails. */
    interface FailureHandler {
        void failed(Set<Integer> ruleIndexes, RuntimeException e);
    }

    /**
     * What a commit made durable.
     *
     * @param produced for each rule written since the last commit, the series it produced
     * @param staleSeriesWritten whether the markers of the group's leftover series were in it
     */
    record Committed(Map<Integer, Set<Labels>> produced, boolean staleSeriesWritten) {}

    private final MetricStore store;
    private final FailureHandler onFailure;
    private final Map<Integer, Set<Labels>> produced = new HashMap<>();
    private @Nullable MetricAppender appender;
    private boolean staleSeries;
    private int outOfOrder;
    private int duplicates;
    private int tooOld;

    SampleBatch(MetricStore store, FailureHandler onFailure) {
        this.store = store;
        this.onFailure = onFailure;
    }

    /**
     * Adds a rule's sample; false when the store refuses it, which makes the rule unhealthy with the store's reason.
     */
    boolean append(String rule, Labels labels, long timestamp, double value, RuleHealthRecord record) {
        try {
            appender().append(0, labels, timestamp, value);
            return true;
        } catch (SampleRejectedException e) {
            record.failed(e.getMessage());
            switch (e.reason()) {
                case OUT_OF_ORDER -> outOfOrder++;
                case DUPLICATE_TIMESTAMP -> duplicates++;
                case OUT_OF_BOUNDS -> tooOld++;
                default -> LOG.warn("Result {} of rule {} discarded: {}", labels, rule, e.getMessage());
            }
            return false;
        }
    }

    /** Logs and resets the counts of refused samples of the rule just written. */
    void logRejections(String rule, String group) {
        if (outOfOrder > 0) {
            LOG.warn("Rule {} of group {}: {} out-of-order results dropped", rule, group, outOfOrder);
        }
        if (tooOld > 0) {
            LOG.warn("Rule {} of group {}: {} results too old for the store dropped", rule, group, tooOld);
        }
        if (duplicates > 0) {
            LOG.warn("Rule {} of group {}: {} results with a different value for the same timestamp dropped", rule,
                    group, duplicates);
        }
        outOfOrder = 0;
        tooOld = 0;
        duplicates = 0;
    }

    /** Adds a staleness marker for a series no longer produced. */
    void appendStale(Labels labels, long timestamp) {
        try {
            appender().append(0, labels, timestamp, StaleMarker.VALUE);
        } catch (SampleRejectedException e) {
            switch (e.reason()) {
                case OUT_OF_ORDER, DUPLICATE_TIMESTAMP, OUT_OF_BOUNDS -> {
                    // expected when another rule now writes the series
                }
                default -> LOG.warn("Adding a staleness marker for {} failed: {}", labels, e.getMessage());
            }
        }
    }

    /** Records the series rule {@code rule} produced, learned by the group when they are committed. */
    void produced(int rule, Set<Labels> series) {
        produced.put(rule, series);
    }

    /** Notes that the markers of the group's leftover series are in this batch. */
    void includesStaleSeries() {
        staleSeries = true;
    }

    /** Commits what was added since the last commit; on failure the handler hears which rules lost results. */
    Committed commit() {
        Map<Integer, Set<Labels>> written = new HashMap<>(produced);
        boolean stale = staleSeries;
        produced.clear();
        staleSeries = false;
        MetricAppender current = appender;
        appender = null;
        if (current == null) {
            return new Committed(written, stale);
        }
        try {
            current.commit();
            return new Committed(written, stale);
        } catch (RuntimeException e) {
            onFailure.failed(written.keySet(), e);
            return new Committed(Map.of(), false);
        } finally {
            current.close();
        }
    }

    private MetricAppender appender() {
        MetricAppender current = appender;
        if (current == null) {
            current = store.appender();
            appender = current;
        }
        return current;
    }

    /** Discards what was not committed. */
    @Override
    public void close() {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }
}
