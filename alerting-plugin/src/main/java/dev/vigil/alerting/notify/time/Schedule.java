package dev.vigil.alerting.notify.time;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A set of time intervals, inside when any of them contains the instant: a named {@code time_intervals} entry
 * of the configuration, or the schedule of a recurring silence. Immutable and thread-safe.
 */
public final class Schedule {

    private final String name;
    private final List<TimeInterval> intervals;
    private final List<TimeIntervalSpec> specs;

    private Schedule(String name, List<TimeInterval> intervals, List<TimeIntervalSpec> specs) {
        this.name = name;
        this.intervals = intervals;
        this.specs = specs;
    }

    /**
     * Compiles {@code specs}, reporting each problem under {@code path}.
     *
     * @param name the schedule's name, or {@code ""}
     * @return the schedule, or null when a problem was reported
     */
    public static @Nullable Schedule compile(String name, List<TimeIntervalSpec> specs, String path,
            ConfigProblems problems) {
        requireNonNull(name, "name is null");
        List<TimeInterval> intervals = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < specs.size(); i++) {
            TimeInterval interval = TimeInterval.compile(specs.get(i), path + "[" + i + "]", problems);
            if (interval == null) {
                ok = false;
            } else {
                intervals.add(interval);
            }
        }
        return ok ? new Schedule(name, List.copyOf(intervals), List.copyOf(specs)) : null;
    }

    /** Whether one of the intervals contains {@code instant}; never for a schedule without intervals. */
    public boolean contains(Instant instant) {
        for (TimeInterval interval : intervals) {
            if (interval.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    /** The name, or {@code ""}. */
    public String name() {
        return name;
    }

    /** The intervals as configured. */
    public List<TimeIntervalSpec> specs() {
        return specs;
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "schedule of " + intervals.size() + " intervals" : name;
    }
}
