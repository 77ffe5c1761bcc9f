package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One time interval in Alertmanager's syntax. An instant is inside when it satisfies every field that is given;
 * a field satisfies when one of its entries does; an empty field allows anything. Ranges are written
 * {@code start:end}, both ends included.
 *
 * @param times ranges of the day
 * @param weekdays days of the week by name, such as {@code monday:friday} or {@code saturday}
 * @param daysOfMonth days of the month, such as {@code 1:5}; negative ones count from the end, {@code -1} being the
 *     last day
 * @param months months by name or number, such as {@code january:march} or {@code 12}
 * @param years years, such as {@code 2025:2026}
 * @param location the IANA time zone the other fields are read in, such as {@code Europe/Berlin}; UTC when absent
 */
public record TimeIntervalSpec(
        @JsonProperty("times") List<TimeRangeSpec> times,
        @JsonProperty("weekdays") List<String> weekdays,
        @JsonProperty("days_of_month") List<String> daysOfMonth,
        @JsonProperty("months") List<String> months,
        @JsonProperty("years") List<String> years,
        @JsonProperty("location") @Nullable String location) {

    /** Copies; absent lists become empty ones. */
    public TimeIntervalSpec {
        times = ConfigLists.copy(times, "times");
        weekdays = ConfigLists.copy(weekdays, "weekdays");
        daysOfMonth = ConfigLists.copy(daysOfMonth, "days_of_month");
        months = ConfigLists.copy(months, "months");
        years = ConfigLists.copy(years, "years");
    }
}
