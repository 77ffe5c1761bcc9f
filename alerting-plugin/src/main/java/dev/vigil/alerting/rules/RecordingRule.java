package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.RecordingRuleDefinition;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recording rule: its expression's result, renamed to the rule's metric and given the rule's labels. Thread-safe.
 */
public final class RecordingRule implements Rule {

    private final RecordingRuleDefinition definition;
    private final RuleHealthRecord healthRecord = new RuleHealthRecord();

    /** A rule for {@code definition}. */
    public RecordingRule(RecordingRuleDefinition definition) {
        this.definition = requireNonNull(definition, "definition is null");
    }

    @Override
    public RecordingRuleDefinition definition() {
        return definition;
    }

    /**
     * The series to record for an evaluation at {@code ts}, stamped {@code ts - queryOffset}.
     *
     * @param limit the most series allowed; 0 for no limit
     * @throws RuleEvaluationException if the query fails, two results end up with the same labels, or there are
     *     more than {@code limit}
     */
    List<Sample> evaluate(Instant ts, Duration queryOffset, int limit, RuleEnvironment env) throws RuleEvaluationException {
        Instant at = ts.minus(queryOffset);
        List<Sample> result = RuleQueries.vector(env.query(), definition.expr(), at);
        List<Sample> out = new ArrayList<>(result.size());
        Set<Labels> seen = new HashSet<>();
        for (Sample sample : result) {
            Labels.Builder builder = sample.labels().toBuilder().set(Labels.METRIC_NAME, definition.name());
            definition.labels().forEach(builder::set);
            Labels labels = builder.build();
            if (!seen.add(labels)) {
                throw new RuleEvaluationException("vector contains metrics with the same labelset after applying rule labels");
            }
            out.add(new Sample(labels, at.toEpochMilli(), sample.value()));
        }
        if (limit > 0 && out.size() > limit) {
            throw new RuleEvaluationException("exceeded limit of " + limit + " with " + out.size() + " series");
        }
        return out;
    }

    RuleHealthRecord healthRecord() {
        return healthRecord;
    }

    @Override
    public RuleHealth health() {
        return healthRecord.health();
    }

    @Override
    public Optional<String> lastError() {
        return healthRecord.lastError();
    }

    @Override
    public RuleStatus status() {
        return new RuleStatus(RuleKind.RECORDING, definition.name(), definition.expr(), definition.labels(),
                healthRecord.health(), healthRecord.lastError(), healthRecord.lastEvaluation(),
                healthRecord.evaluationDuration(), Duration.ZERO, Duration.ZERO, Map.of(), AlertState.INACTIVE,
                List.of());
    }
}
