package dev.vigil.alerting.notify.silence;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.time.Schedule;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.Optional;

/**
 * A silence: while active, the alerts that match all its matchers are not notified. A one-off silence is active
 * from {@code startsAt} to {@code endsAt}; a recurring one (a maintenance window) is active while inside its
 * schedule, between {@code startsAt} and {@code endsAt} when it has one. Immutable.
 *
 * @param id the silence's id
 * @param matchers what it silences
 * @param startsAt when it starts
 * @param endsAt when it ends; always present for a one-off silence, optional for a recurring one
 * @param createdBy who created it
 * @param comment why
 * @param updatedAt when it was created or last changed
 * @param schedule for a recurring silence, the time intervals in which it is active
 */
public record Silence(String id, Matchers matchers, Instant startsAt, Optional<Instant> endsAt, String createdBy,
        String comment, Instant updatedAt, Optional<Schedule> schedule) {

    /** Checks. */
    public Silence {
        requireNonNull(id, "id is null");
        requireNonNull(matchers, "matchers is null");
        requireNonNull(startsAt, "startsAt is null");
        requireNonNull(endsAt, "endsAt is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(schedule, "schedule is null");
        if (schedule.isEmpty() && endsAt.isEmpty()) {
            throw new IllegalArgumentException("a one-off silence needs an end");
        }
    }

    /** The state at {@code now}. */
    public SilenceState state(Instant now) {
        if (endsAt.isPresent() && !now.isBefore(endsAt.get())) {
            return SilenceState.EXPIRED;
        }
        if (now.isBefore(startsAt) || schedule.isPresent() && !schedule.get().contains(now)) {
            return SilenceState.PENDING;
        }
        return SilenceState.ACTIVE;
    }

    /** Whether this silence mutes an alert with {@code labels} at {@code now}. */
    public boolean mutes(Labels labels, Instant now) {
        return state(now) == SilenceState.ACTIVE && matchers.matches(labels);
    }

    /** Whether this is a recurring silence. */
    public boolean recurring() {
        return schedule.isPresent();
    }

    /** This silence ended at {@code now}; one not started yet is ended before it starts. */
    Silence expiredAt(Instant now) {
        Instant start = startsAt.isAfter(now) ? now : startsAt;
        return new Silence(id, matchers, start, Optional.of(now), createdBy, comment, now, schedule);
    }
}
