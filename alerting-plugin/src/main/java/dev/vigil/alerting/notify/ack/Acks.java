package dev.vigil.alerting.notify.ack;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.Fingerprints;
import dev.vigil.alerting.notify.store.StoredAlert;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The acknowledgements, by alert fingerprint. An acknowledgement ends when its alert resolves (or fires anew),
 * when it lapses, or when someone withdraws it. Not thread-safe: the pipeline guards it.
 */
public final class Acks {

    private final Map<Long, Ack> acks = new HashMap<>();

    /**
     * Acknowledges {@code alert}, replacing an earlier acknowledgement of it.
     *
     * @throws dev.vigil.alerting.notify.config.NotifyConfigException if the alert does not fire, {@code by} is blank
     *     or the expiry is not in the future
     */
    public Ack acknowledge(StoredAlert alert, String by, String comment, Optional<Instant> expiresAt, Instant now) {
        requireNonNull(alert, "alert is null");
        ConfigProblems problems = new ConfigProblems();
        if (alert.resolvedAt(now)) {
            problems.add("fingerprint", "alert " + alert.fingerprintHex() + " has resolved");
        }
        if (by.isBlank()) {
            problems.add("by", "missing author");
        }
        expiresAt.filter(e -> !e.isAfter(now))
                .ifPresent(e -> problems.add("expiresAt", "the expiry " + e + " is not in the future"));
        problems.throwIfAny("acknowledgement");
        Ack ack = new Ack(alert.fingerprintHex(), alert.startsAt(), by, comment, now, expiresAt);
        acks.put(alert.fingerprint(), ack);
        return ack;
    }

    /** Withdraws the acknowledgement of the alert {@code fingerprint}, returning it. */
    public Optional<Ack> withdraw(long fingerprint) {
        return Optional.ofNullable(acks.remove(fingerprint));
    }

    /** The acknowledgement that holds for {@code alert} at {@code now}. */
    public Optional<Ack> holding(StoredAlert alert, Instant now) {
        Ack ack = acks.get(alert.fingerprint());
        return ack != null && ack.covers(alert, now) ? Optional.of(ack) : Optional.empty();
    }

    /** Whether an acknowledgement holds for {@code alert} at {@code now}. */
    public boolean holds(StoredAlert alert, Instant now) {
        Ack ack = acks.get(alert.fingerprint());
        return ack != null && ack.covers(alert, now);
    }

    /** The earliest expiry after {@code now} of an acknowledgement, when one will lapse. */
    public Optional<Instant> nextExpiry(Instant now) {
        Instant next = null;
        for (Ack ack : acks.values()) {
            if (ack.expiresAt().isPresent() && ack.expiresAt().get().isAfter(now)
                    && (next == null || ack.expiresAt().get().isBefore(next))) {
                next = ack.expiresAt().get();
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * Forgets acknowledgements that no longer hold: lapsed, or whose alert is gone, resolved or firing anew.
     *
     * @return whether any was forgotten
     */
    public boolean collectGarbage(AlertStore alerts, Instant now) {
        return acks.entrySet().removeIf(e -> {
            Optional<StoredAlert> alert = alerts.get(e.getKey());
            return alert.isEmpty() || !e.getValue().covers(alert.get(), now);
        });
    }

    /** Every acknowledgement, holding or not yet forgotten. */
    public List<Ack> list() {
        return List.copyOf(acks.values());
    }

    /** Puts back an acknowledgement as it was saved. */
    public void restore(Ack ack) {
        acks.put(Fingerprints.parse(ack.fingerprint()), ack);
    }
}
