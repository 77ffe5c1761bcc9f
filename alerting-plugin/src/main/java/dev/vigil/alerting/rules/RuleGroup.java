package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.AlertingRuleDefinition;
import dev.vigil.alerting.rules.file.GroupDefinition;
import dev.vigil.alerting.rules.file.RecordingRuleDefinition;
import dev.vigil.alerting.rules.file.RuleDefinition;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.QueryValue.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded rule group and the state Prometheus keeps for it. {@link #evaluate(Instant)} runs every rule in order at
 * one evaluation time: queries look at {@code ts - query_offset}, results are written to the store in one batch
 * (committed early only before a rule that reads an earlier rule's output, see {@link RuleDependencies}), series a
 * rule produced last time but not this time get a staleness marker, and the alerts due to be sent go to the
 * receiver after the batch is committed. A failing rule is marked unhealthy and the next rule runs.
 *
 * <p>Thread-safe: evaluation, restoring and state copying are serialized on the group; status may be read from any
 * thread.
 */
public final class RuleGroup {

    private static final Logger LOG = LoggerFactory.getLogger(RuleGroup.class);

    private final Path file;
    private final GroupDefinition definition;
    private final RuleEnvironment env;
    private final List<Rule> rules;
    private final boolean[] commitBefore;
    private final Duration interval;
    private final Duration queryOffset;
    private final List<Set<Labels>> previousSeries = new ArrayList<>();
    private final Map<Integer, String> lastLoggedError = new HashMap<>();
    private List<Labels> staleSeries = new ArrayList<>();
    private @Nullable Instant lastEvaluation;
    private @Nullable Instant lastEvaluationTimestamp;
    private Duration evaluationDuration = Duration.ZERO;

    /**
     * The group {@code definition} of {@code file}.
     *
     * @param restoreForState whether its alerting rules wait for {@link #restoreForState(Instant)} before writing
     *     {@code ALERTS} and {@code ALERTS_FOR_STATE} (true when the platform starts; false on a reload)
     */
    public RuleGroup(Path file, GroupDefinition definition, RuleEnvironment env, boolean restoreForState) {
        this.file = requireNonNull(file, "file is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.env = requireNonNull(env, "env is null");
        List<Rule> built = new ArrayList<>();
        for (RuleDefinition rule : definition.rules()) {
            if (rule instanceof AlertingRuleDefinition alerting) {
                built.add(new AlertingRule(alerting, !restoreForState));
            } else {
                built.add(new RecordingRule((RecordingRuleDefinition) rule));
            }
            previousSeries.add(Set.of());
        }
        this.rules = List.copyOf(built);
        this.commitBefore = RuleDependencies.commitBefore(definition.rules());
        this.interval = definition.interval().orElse(env.defaultInterval());
        this.queryOffset = definition.queryOffset().orElse(env.defaultQueryOffset());
    }

    /** The file that defines the group. */
    public Path file() {
        return file;
    }

    /** The group's name. */
    public String name() {
        return definition.name();
    }

    /** The group as its file defines it. */
    public GroupDefinition definition() {
        return definition;
    }

    /** How often the group runs. */
    public Duration interval() {
        return interval;
    }

    /** How far in the past the group's queries look. */
    public Duration queryOffset() {
        return queryOffset;
    }

    /** The rules in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Marks every alerting rule restored, so that they write {@code ALERTS} at once (as {@code promtool} does). */
    public void markRestored() {
        for (Rule rule : rules) {
            if (rule instanceof AlertingRule alerting) {
                alerting.markRestored();
            }
        }
    }

    /** Runs every rule at {@code ts}; never throws for a failing rule, which is marked unhealthy instead. */
    public synchronized void evaluate(Instant ts) {
        requireNonNull(ts, "ts is null");
        Instant start = env.clock().instant();
        long at = ts.minus(queryOffset).toEpochMilli();
        List<Alert> toSend = new ArrayList<>();
        try (SampleBatch batch = new SampleBatch(env.store(), this::appendFailed)) {
            for (int i = 0; i < rules.size(); i++) {
                if (commitBefore[i]) {
                    commit(batch);
                }
                evaluateRule(i, ts, at, batch, toSend);
            }
            for (Labels series : staleSeries) {
                batch.appendStale(series, at);
            }
            batch.includesStaleSeries();
            commit(batch);
        }
        lastEvaluation = start;
        lastEvaluationTimestamp = ts;
        evaluationDuration = Duration.between(start, env.clock().instant());
        if (!toSend.isEmpty()) {
            try {
                env.receiver().receive(toSend);
            } catch (RuntimeException e) {
                LOG.error("Handing {} alerts of group {} in {} to the notification pipeline failed", toSend.size(),
                        name(), file, e);
            }
        }
    }

    private void evaluateRule(int index, Instant ts, long at, SampleBatch batch, List<Alert> toSend) {
        Rule rule = rules.get(index);
        RuleHealthRecord record = healthRecord(rule);
        Instant ruleStart = env.clock().instant();
        List<Sample> out;
        try {
            out = rule instanceof AlertingRule alerting
                    ? alerting.evaluate(ts, queryOffset, definition.limit(), env)
                    : ((RecordingRule) rule).evaluate(ts, queryOffset, definition.limit(), env);
        } catch (RuleEvaluationException e) {
            ruleFailed(index, record, e.getMessage());
            record.evaluated(ruleStart, Duration.between(ruleStart, env.clock().instant()));
            return;
        } catch (RuntimeException e) {
            LOG.error("Evaluating rule {} of group {} in {} failed unexpectedly", rule.name(), name(), file, e);
            ruleFailed(index, record, "internal error: " + e);
            record.evaluated(ruleStart, Duration.between(ruleStart, env.clock().instant()));
            return;
        }
        record.succeeded();
        lastLoggedError.remove(index);
        if (rule instanceof AlertingRule alerting) {
            toSend.addAll(alerting.alertsToSend(ts, env.resendDelay(), interval, env));
        }
        Set<Labels> returned = new HashSet<>();
        for (Sample sample : out) {
            if (batch.append(rule.name(), sample.labels(), at, sample.value(), record)) {
                returned.add(sample.labels());
            }
        }
        batch.logRejections(rule.name(), name());
        for (Labels old : previousSeries.get(index)) {
            if (!returned.contains(old)) {
                batch.appendStale(old, at);
            }
        }
        batch.produced(index, returned);
        record.evaluated(ruleStart, Duration.between(ruleStart, env.clock().instant()));
    }

    private void ruleFailed(int index, RuleHealthRecord record, String error) {
        record.failed(error);
        if (!error.equals(lastLoggedError.put(index, error))) {
            LOG.warn("Evaluating rule {} of group {} in {} failed: {}", rules.get(index).name(), name(), file, error);
        }
    }

    private void commit(SampleBatch batch) {
        SampleBatch.Committed committed = batch.commit();
        committed.produced().forEach((index, series) -> previousSeries.set(index, Set.copyOf(series)));
        if (committed.staleSeriesWritten()) {
            staleSeries = new ArrayList<>();
        }
    }

    private void appendFailed(Set<Integer> ruleIndexes, RuntimeException e) {
        LOG.warn("Writing the results of group {} in {} failed", name(), file, e);
        for (int index : ruleIndexes) {
            healthRecord(rules.get(index)).failed("writing the results failed: " + e.getMessage());
        }
    }

    /**
     * Restores the {@code for} state of the alerting rules from {@code ALERTS_FOR_STATE}, looking back the outage
     * tolerance from {@code ts}; see {@link AlertingRule#restoreForState}. Every alerting rule is restored after it,
     * even when the store could not be read.
     */
    public synchronized void restoreForState(Instant ts) {
        long max = ts.toEpochMilli();
        long min = ts.minus(env.outageTolerance()).toEpochMilli();
        try (MetricQuerier querier = env.store().querier(min, max)) {
            for (Rule rule : rules) {
                if (rule instanceof AlertingRule alerting) {
                    alerting.restoreForState(querier, ts, env.forGracePeriod());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Restoring the 'for' state of group {} in {} failed", name(), file, e);
        } finally {
            markRestored();
        }
    }

    /**
     * Takes over the state of {@code previous}, the group of the same name in the same file before a reload: the
     * alerts of rules with the same name and labels (the first with the first when there are several), the series
     * each rule produced last, and the times of the last evaluation. The series of rules that are gone get a
     * staleness marker at the next evaluation.
     */
    public synchronized void copyStateFrom(RuleGroup previous) {
        synchronized (previous) {
            Map<String, List<Integer>> byKey = new HashMap<>();
            for (int i = 0; i < previous.rules.size(); i++) {
                byKey.computeIfAbsent(key(previous.rules.get(i)), k -> new ArrayList<>()).add(i);
            }
            for (int i = 0; i < rules.size(); i++) {
                List<Integer> candidates = byKey.get(key(rules.get(i)));
                if (candidates == null || candidates.isEmpty()) {
                    continue;
                }
                int from = candidates.remove(0);
                previousSeries.set(i, previous.previousSeries.get(from));
                if (rules.get(i) instanceof AlertingRule now && previous.rules.get(from) instanceof AlertingRule before) {
                    now.adoptAlerts(before);
                }
            }
            Set<Labels> stale = new LinkedHashSet<>(previous.staleSeries);
            byKey.values().forEach(left -> left.forEach(index -> stale.addAll(previous.previousSeries.get(index))));
            staleSeries = new ArrayList<>(stale);
            lastEvaluation = previous.lastEvaluation;
            lastEvaluationTimestamp = previous.lastEvaluationTimestamp;
            evaluationDuration = previous.evaluationDuration;
        }
    }

    /**
     * Writes a staleness marker at {@code ts} for every series the group produced at its last evaluation, for a
     * group that was removed.
     */
    public synchronized void markStale(Instant ts) {
        long at = ts.minus(queryOffset).toEpochMilli();
        try (SampleBatch batch = new SampleBatch(env.store(), this::appendFailed)) {
            for (Set<Labels> series : previousSeries) {
                series.forEach(s -> batch.appendStale(s, at));
            }
            staleSeries.forEach(s -> batch.appendStale(s, at));
            batch.commit();
        }
        for (int i = 0; i < previousSeries.size(); i++) {
            previousSeries.set(i, Set.of());
        }
        staleSeries = new ArrayList<>();
    }

    /** The evaluation time of the last run. */
    public synchronized Optional<Instant> lastEvaluationTimestamp() {
        return Optional.ofNullable(lastEvaluationTimestamp);
    }

    /** The group's state for the API. */
    public GroupStatus status() {
        List<RuleStatus> ruleStatus = rules.stream().map(Rule::status).toList();
        synchronized (this) {
            return new GroupStatus(file, name(), interval, queryOffset, definition.limit(), ruleStatus,
                    Optional.ofNullable(lastEvaluation), Optional.ofNullable(lastEvaluationTimestamp), evaluationDuration);
        }
    }

    private static String key(Rule rule) {
        return rule.name() + rule.definition().labels();
    }

    private static RuleHealthRecord healthRecord(Rule rule) {
        return rule instanceof AlertingRule alerting ? alerting.healthRecord() : ((RecordingRule) rule).healthRecord();
    }
}
