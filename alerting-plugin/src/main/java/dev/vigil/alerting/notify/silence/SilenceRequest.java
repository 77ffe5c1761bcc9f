package dev.vigil.alerting.notify.silence;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person asks for when creating a silence.
 *
 * @param matchers what to silence; at least one must not match the empty value
 * @param startsAt when to start; now when absent or in the past
 * @param endsAt when to end; required unless {@code schedule} is given
 * @param createdBy who asks
 * @param comment why
 * @param schedule for a recurring silence (a maintenance window), the time intervals in which it is active, in
 *     Alertmanager's time-interval syntax; empty for a one-off silence
 */
public record SilenceRequest(List<LabelMatcher> matchers, Optional<Instant> startsAt, Optional<Instant> endsAt,
        String createdBy, String comment, List<TimeIntervalSpec> schedule) {

    /** Checks and copies. */
    public SilenceRequest {
        matchers = List.copyOf(matchers);
        requireNonNull(startsAt, "startsAt is null");
        requireNonNull(endsAt, "endsAt is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(comment, "comment is null");
        schedule = List.copyOf(schedule);
    }

    /** A one-off silence from {@code startsAt} to {@code endsAt}. */
    public static SilenceRequest between(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt,
            String createdBy, String comment) {
        return new SilenceRequest(matchers, Optional.of(startsAt), Optional.of(endsAt), createdBy, comment, List.of());
    }

    /** A recurring silence, active inside {@code schedule} from now on, with no end. */
    public static SilenceRequest recurring(List<LabelMatcher> matchers, List<TimeIntervalSpec> schedule,
            String createdBy, String comment) {
        return new SilenceRequest(matchers, Optional.empty(), Optional.empty(), createdBy, comment, schedule);
    }
}
