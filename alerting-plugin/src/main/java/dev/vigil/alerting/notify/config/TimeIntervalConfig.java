package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named time interval, as in Alertmanager's {@code time_intervals}: inside when any of its intervals contains
 * the instant.
 *
 * @param name the name routes refer to
 * @param timeIntervals the intervals
 */
public record TimeIntervalConfig(@JsonProperty("name") @Nullable String name,
        @JsonProperty("time_intervals") List<TimeIntervalSpec> timeIntervals) {

    /** Copies; an absent list becomes an empty one. */
    public TimeIntervalConfig {
        timeIntervals = ConfigLists.copy(timeIntervals, "time_intervals");
    }
}
