package dev.vigil.alerting.notify;

import dev.vigil.alerting.notify.ack.Acks;
import dev.vigil.alerting.notify.dispatch.AggregationGroup;
import dev.vigil.alerting.notify.dispatch.Dispatcher;
import dev.vigil.alerting.notify.dispatch.EscalationStates;
import dev.vigil.alerting.notify.inhibit.Inhibitor;
import dev.vigil.alerting.notify.silence.Silences;
import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.Fingerprints;
import dev.vigil.alerting.notify.store.StoredAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Builds the API's views of alerts and groups at one instant. Used under the pipeline's guard; one per query. */
final class AlertViews {

    private final Instant now;
    private final Silences silences;
    private final Acks acks;
    private final Inhibitor inhibitor;
    private final Dispatcher dispatcher;
    private final EscalationStates escalations;
    private final Map<Long, TreeSet<String>> receivers = new HashMap<>();

    AlertViews(Instant now, AlertStore alerts, Silences silences, Acks acks, PipelineConfig config,
            Dispatcher dispatcher, EscalationStates escalations) {
        this.now = now;
        this.silences = silences;
        this.acks = acks;
        this.inhibitor = Inhibitor.index(config.inhibitRules(), alerts.view(), now);
        this.dispatcher = dispatcher;
        this.escalations = escalations;
        for (AggregationGroup group : dispatcher.groups()) {
            List<String> names = dispatcher.receivers(group);
            for (StoredAlert alert : group.alerts()) {
                receivers.computeIfAbsent(alert.fingerprint(), f -> new TreeSet<>()).addAll(names);
            }
        }
    }

    /** The view of {@code alert}, or empty when it has resolved or {@code query} leaves it out. */
    Optional<AlertView> view(StoredAlert alert, AlertQuery query) {
        if (alert.resolvedAt(now) || !query.filter().matches(alert.labels())) {
            return Optional.empty();
        }
        List<String> names = List.copyOf(receivers.getOrDefault(alert.fingerprint(), new TreeSet<>()));
        if (query.receiver().isPresent() && names.stream().noneMatch(r -> query.receiver().get().matcher(r).matches())) {
            return Optional.empty();
        }
        List<String> silencedBy = silences.silencedBy(alert.labels(), now);
        List<String> inhibitedBy = inhibitor.inhibitedBy(alert.labels()).map(Fingerprints::hex).stream().toList();
        AlertState state = silencedBy.isEmpty() && inhibitedBy.isEmpty() ? AlertState.ACTIVE : AlertState.SUPPRESSED;
        var ack = acks.holding(alert, now);
        if (!query.active() && state == AlertState.ACTIVE
                || !query.silenced() && !silencedBy.isEmpty()
                || !query.inhibited() && !inhibitedBy.isEmpty()
                || !query.acknowledged() && ack.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new AlertView(alert.toAlert(now), state, silencedBy, inhibitedBy, ack, names,
                alert.updatedAt()));
    }

    /** The views of {@code alerts} that {@code query} selects, in label order. */
    List<AlertView> views(List<StoredAlert> alerts, AlertQuery query) {
        List<StoredAlert> sorted = new ArrayList<>(alerts);
        sorted.sort((a, b) -> a.labels().compareTo(b.labels()));
        List<AlertView> out = new ArrayList<>();
        for (StoredAlert alert : sorted) {
            view(alert, query).ifPresent(out::add);
        }
        return out;
    }

    /** The groups with at least one alert {@code query} selects. */
    List<GroupView> groups(AlertQuery query) {
        List<GroupView> out = new ArrayList<>();
        for (AggregationGroup group : dispatcher.groups()) {
            List<AlertView> alerts = views(group.alerts(), query);
            if (alerts.isEmpty()) {
                continue;
            }
            List<String> names = dispatcher.receivers(group);
            out.add(new GroupView(group.key(), group.labels().asMap(), names.get(0), names.subList(1, names.size()),
                    group.nextFlush(), escalations.get(group.key()).unackedSince(), alerts));
        }
        return out;
    }
}
