package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.AlertingRuleDefinition;
import dev.vigil.alerting.template.TemplateData;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.QueryValue.Sample;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import dev.vigil.api.metrics.StaleMarker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An alerting rule and its alerts, following Prometheus's state machine. Each element of the expression's result
 * is an alert, identified by its labels (without the metric name, with the rule's labels and {@code alertname}).
 * A new alert is pending and fires once it has been in the result for {@code for} (at once when {@code for} is
 * zero); an alert that leaves the result is dropped if it was pending, and becomes inactive (resolved) if it was
 * firing, unless {@code keep_firing_for} keeps it firing a while longer. Resolved alerts are kept 15 minutes so
 * that they are sent as resolved more than once. Thread-safe.
 */
public final class AlertingRule implements Rule {

    /** How long a resolved alert is kept, and sent, after it resolved (Prometheus: 15m). */
    static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

    static final String ALERTS = "ALERTS";
    static final String ALERTS_FOR_STATE = "ALERTS_FOR_STATE";
    static final String ALERT_NAME = "alertname";
    static final String ALERT_STATE = "alertstate";

    private final AlertingRuleDefinition definition;
    private final RuleTemplates labelTemplates;
    private final RuleTemplates annotationTemplates;
    private final Labels staticLabels;
    private final RuleHealthRecord healthRecord = new RuleHealthRecord();
    private final Map<Labels, AlertInstance> active = new LinkedHashMap<>();
    private volatile boolean restored;

    /**
     * A rule for {@code definition}.
     *
     * @param restored whether {@code for} state needs no restoring, so that {@code ALERTS} and
     *     {@code ALERTS_FOR_STATE} are written from the first evaluation
     */
    public AlertingRule(AlertingRuleDefinition definition, boolean restored) {
        this.definition = requireNonNull(definition, "definition is null");
        this.labelTemplates = new RuleTemplates(definition.name(), definition.labels());
        this.annotationTemplates = new RuleTemplates(definition.name(), definition.annotations());
        this.staticLabels = Labels.of(definition.labels());
        this.restored = restored;
    }

    @Override
    public AlertingRuleDefinition definition() {
        return definition;
    }

    /** Whether {@code for} state has been restored, or needs no restoring. */
    public boolean restored() {
        return restored;
    }

    /** Marks the rule restored: from now on its evaluations write {@code ALERTS} and {@code ALERTS_FOR_STATE}. */
    public void markRestored() {
        restored = true;
    }

    /**
     * Evaluates the rule at {@code ts} and updates its alerts.
     *
     * @return the {@code ALERTS} and {@code ALERTS_FOR_STATE} samples to write, stamped {@code ts - queryOffset};
     *     none until the rule is restored
     * @throws RuleEvaluationException if the query fails, two alerts end up with the same labels, or there are more
     *     than {@code limit} pending and firing alerts (then every alert is dropped, as in Prometheus)
     */
    List<Sample> evaluate(Instant ts, Duration queryOffset, int limit, RuleEnvironment env) throws RuleEvaluationException {
        Instant at = ts.minus(queryOffset);
        List<Sample> result = RuleQueries.vector(env.query(), definition.expr(), at);
        Map<Labels, AlertInstance> current = new LinkedHashMap<>();
        for (Sample sample : result) {
            TemplateData data = new TemplateData(sample.labels().asMap(), env.externalLabels(), env.externalUrl(),
                    sample.value(), ts.toEpochMilli(), env.query());
            Labels.Builder builder = sample.labels().toBuilder().remove(Labels.METRIC_NAME);
            labelTemplates.expand(data).forEach(builder::set);
            builder.set(ALERT_NAME, definition.name());
            Labels labels = builder.build();
            if (current.containsKey(labels)) {
                throw new RuleEvaluationException("vector contains metrics with the same labelset after applying alert labels");
            }
            current.put(labels, new AlertInstance(labels, annotationTemplates.expand(data), sample.value(), ts));
        }
        synchronized (this) {
            return update(current, ts, at, limit);
        }
    }

    private List<Sample> update(Map<Labels, AlertInstance> current, Instant ts, Instant at, int limit)
            throws RuleEvaluationException {
        current.forEach((labels, fresh) -> {
            AlertInstance known = active.get(labels);
            if (known != null && known.state != AlertState.INACTIVE) {
                known.value = fresh.value;
                known.annotations = fresh.annotations;
            } else {
                active.put(labels, fresh);
            }
        });
        List<Sample> out = new ArrayList<>();
        int activeCount = 0;
        for (Iterator<AlertInstance> it = active.values().iterator(); it.hasNext(); ) {
            AlertInstance alert = it.next();
            if (!current.containsKey(alert.labels)) {
                boolean keepFiring = false;
                if (alert.state == AlertState.FIRING && !definition.keepFiringFor().isZero()) {
                    if (alert.keepFiringSince == null) {
                        alert.keepFiringSince = ts;
                    }
                    keepFiring = Duration.between(alert.keepFiringSince, ts).compareTo(definition.keepFiringFor()) < 0;
                }
                if (alert.state == AlertState.PENDING || (alert.resolvedAt != null
                        && Duration.between(alert.resolvedAt, ts).compareTo(RESOLVED_RETENTION) > 0)) {
                    it.remove();
                }
                if (keepFiring) {
                    // still firing: counted and written below like an alert in the result
                } else {
                    if (alert.state != AlertState.INACTIVE) {
                        alert.state = AlertState.INACTIVE;
                        alert.resolvedAt = ts;
                    }
                    continue;
                }
            } else {
                alert.keepFiringSince = null;
            }
            activeCount++;
            if (alert.state == AlertState.PENDING && Duration.between(alert.activeAt, ts).compareTo(definition.holdDuration()) >= 0) {
                alert.state = AlertState.FIRING;
                alert.firedAt = ts;
            }
            if (restored) {
                out.add(new Sample(seriesLabels(alert.labels, ALERTS, alert.state), at.toEpochMilli(), 1));
                out.add(new Sample(seriesLabels(alert.labels, ALERTS_FOR_STATE, null), at.toEpochMilli(),
                        alert.activeAt.getEpochSecond()));
            }
        }
        if (limit > 0 && activeCount > limit) {
            active.clear();
            throw new RuleEvaluationException("exceeded limit of " + limit + " with " + activeCount + " alerts");
        }
        return out;
    }

    /** The labels of an {@code ALERTS} or {@code ALERTS_FOR_STATE} series: rule labels, then the alert's. */
    private Labels seriesLabels(Labels alertLabels, String metric, @Nullable AlertState state) {
        Labels.Builder builder = staticLabels.toBuilder();
        alertLabels.forEach(builder::set);
        builder.set(Labels.METRIC_NAME, metric).set(ALERT_NAME, definition.name());
        if (state != null) {
            builder.set(ALERT_STATE, state.apiName());
        }
        return builder.build();
    }

    /**
     * The alerts to hand to the notification pipeline after an evaluation at {@code ts}: firing ones not sent for
     * {@code resendDelay}, and resolved ones not sent since they resolved. Marks them sent.
     *
     * @param interval the group's interval, for how long a sent alert stays valid
     */
    synchronized List<Alert> alertsToSend(Instant ts, Duration resendDelay, Duration interval, RuleEnvironment env) {
        List<Alert> out = new ArrayList<>();
        Duration delta = interval.compareTo(resendDelay) > 0 ? interval : resendDelay;
        for (AlertInstance alert : active.values()) {
            if (!alert.needsSending(ts, resendDelay)) {
                continue;
            }
            alert.lastSentAt = ts;
            alert.validUntil = ts.plus(delta.multipliedBy(4));
            out.add(toAlert(alert, env));
        }
        return out;
    }

    private Alert toAlert(AlertInstance alert, RuleEnvironment env) {
        Map<String, String> labels = new TreeMap<>(alert.labels.asMap());
        env.externalLabels().forEach(labels::putIfAbsent);
        boolean resolved = alert.resolvedAt != null;
        Instant startsAt = alert.firedAt != null ? alert.firedAt : alert.activeAt;
        return new Alert(resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING, labels, alert.annotations, startsAt,
                Optional.ofNullable(alert.resolvedAt), generatorUrl(env.externalUrl()), Fingerprints.of(labels));
    }

    private String generatorUrl(String externalUrl) {
        String base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
        return base + "/graph?g0.expr=" + URLEncoder.encode(definition.expr(), StandardCharsets.UTF_8) + "&g0.tab=1";
    }

    /**
     * Restores the {@code for} state of the pending alerts from {@code ALERTS_FOR_STATE}, as Prometheus does at
     * start-up: an alert that was pending before a restart keeps the time it became active, moved later by the time
     * the platform was down, and an alert that would fire within {@code forGracePeriod} waits that long. Rules whose
     * {@code for} is shorter than the grace period are not restored. Marks the rule restored.
     *
     * <p>Simplified from Prometheus in one way: series are looked up by {@code __name__} and {@code alertname} and
     * then matched on the alert's labels, so rules whose labels are templates are restored too.
     */
    void restoreForState(MetricQuerier querier, Instant ts, Duration forGracePeriod) {
        Duration hold = definition.holdDuration();
        if (hold.compareTo(forGracePeriod) < 0) {
            restored = true;
            return;
        }
        Map<Labels, Series> byLabels = new HashMap<>();
        for (Series series : querier.select(List.of(LabelMatcher.metricName(ALERTS_FOR_STATE),
                LabelMatcher.equal(ALERT_NAME, definition.name())))) {
            byLabels.put(series.labels().without(List.of(Labels.METRIC_NAME)), series);
        }
        synchronized (this) {
            for (AlertInstance alert : active.values()) {
                Series series = byLabels.get(alert.labels);
                if (series == null) {
                    continue;
                }
                long lastTime = Long.MIN_VALUE;
                double lastValue = Double.NaN;
                SampleCursor cursor = series.cursor();
                while (cursor.next()) {
                    lastTime = cursor.timestamp();
                    lastValue = cursor.value();
                }
                if (lastTime == Long.MIN_VALUE || StaleMarker.isStale(lastValue) || Double.isNaN(lastValue)) {
                    continue;
                }
                Instant downAt = Instant.ofEpochSecond(Math.floorDiv(lastTime, 1000));
                Instant restoredActiveAt = Instant.ofEpochSecond((long) lastValue);
                Duration remaining = hold.minus(Duration.between(restoredActiveAt, downAt));
                if (remaining.isNegative() || remaining.isZero()) {
                    // it was firing when the platform went down; the next evaluation sets it firing again
                    continue;
                }
                if (remaining.compareTo(forGracePeriod) < 0) {
                    restoredActiveAt = ts.plus(forGracePeriod).minus(hold);
                } else {
                    restoredActiveAt = restoredActiveAt.plus(Duration.between(downAt, ts));
                }
                alert.activeAt = restoredActiveAt;
            }
        }
        restored = true;
    }

    /** Takes over the alerts of {@code previous}, the same rule before its file was reloaded. */
    void adoptAlerts(AlertingRule previous) {
        Map<Labels, AlertInstance> taken;
        synchronized (previous) {
            taken = new LinkedHashMap<>(previous.active);
        }
        synchronized (this) {
            active.putAll(taken);
        }
    }

    RuleHealthRecord healthRecord() {
        return healthRecord;
    }

    /** The alerts that are pending or firing, in the order they appeared. */
    public synchronized List<ActiveAlert> activeAlerts() {
        List<ActiveAlert> out = new ArrayList<>();
        for (AlertInstance alert : active.values()) {
            if (alert.resolvedAt == null) {
                out.add(alert.snapshot());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Every alert kept, including resolved ones still being sent as resolved. */
    public synchronized List<ActiveAlert> allAlerts() {
        return active.values().stream().map(AlertInstance::snapshot).toList();
    }

    /** The most severe state among the alerts: firing, then pending, then inactive. */
    public synchronized AlertState state() {
        AlertState max = AlertState.INACTIVE;
        for (AlertInstance alert : active.values()) {
            if (alert.state.compareTo(max) > 0) {
                max = alert.state;
            }
        }
        return max;
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
        return new RuleStatus(RuleKind.ALERTING, definition.name(), definition.expr(), definition.labels(),
                healthRecord.health(), healthRecord.lastError(), healthRecord.lastEvaluation(),
                healthRecord.evaluationDuration(), definition.holdDuration(), definition.keepFiringFor(),
                definition.annotations(), state(), activeAlerts());
    }
}
