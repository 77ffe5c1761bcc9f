package dev.vigil.alerting.notify.inhibit;

import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which alerts are inhibited at one instant. Built from every known alert: the ones firing then and
 * matching a rule's source side are indexed by their {@code equal} label values, so that checking a target costs
 * one look-up per rule. Immutable after construction and thread-safe.
 *
 * <p>As in Alertmanager, an alert that matches both sides of a rule is not inhibited by an alert that also matches
 * both sides, so that such alerts do not mute each other (or themselves). Silenced alerts still inhibit.
 */
public final class Inhibitor {

    private final List<InhibitRule> rules;
    private final List<Map<List<String>, List<Source>>> sources;

    private record Source(long fingerprint, boolean matchesTarget) {}

    private Inhibitor(List<InhibitRule> rules, List<Map<List<String>, List<Source>>> sources) {
        this.rules = rules;
        this.sources = sources;
    }

    /** The inhibitor for {@code rules} over {@code alerts} at {@code now}. */
    public static Inhibitor index(List<InhibitRule> rules, Iterable<StoredAlert> alerts, Instant now) {
        List<Map<List<String>, List<Source>>> sources = new ArrayList<>(rules.size());
        for (InhibitRule rule : rules) {
            Map<List<String>, List<Source>> byEqual = new HashMap<>();
            for (StoredAlert alert : alerts) {
                if (!alert.resolvedAt(now) && rule.source().matches(alert.labels())) {
                    byEqual.computeIfAbsent(rule.equalValues(alert.labels()), k -> new ArrayList<>())
                            .add(new Source(alert.fingerprint(), rule.target().matches(alert.labels())));
                }
            }
            sources.add(byEqual);
        }
        return new Inhibitor(List.copyOf(rules), sources);
    }

    /** The fingerprint of an alert that inhibits one with {@code labels}, if there is one. */
    public Optional<Long> inhibitedBy(Labels labels) {
        for (int i = 0; i < rules.size(); i++) {
            InhibitRule rule = rules.get(i);
            if (sources.get(i).isEmpty() || !rule.target().matches(labels)) {
                continue;
            }
            List<Source> candidates = sources.get(i).get(rule.equalValues(labels));
            if (candidates == null) {
                continue;
            }
            boolean twoSided = rule.source().matches(labels);
            for (Source source : candidates) {
                if (!twoSided || !source.matchesTarget()) {
                    return Optional.of(source.fingerprint());
                }
            }
        }
        return Optional.empty();
    }
}
