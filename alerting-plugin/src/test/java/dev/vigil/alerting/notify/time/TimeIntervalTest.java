package dev.vigil.alerting.notify.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import dev.vigil.alerting.notify.config.TimeRangeSpec;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TimeIntervalTest {

    private static TimeIntervalSpec spec(List<TimeRangeSpec> times, List<String> weekdays, List<String> days,
            List<String> months, List<String> years, @Nullable String location) {
        return new TimeIntervalSpec(times, weekdays, days, months, years, location);
    }

    private static TimeInterval compile(TimeIntervalSpec spec) {
        ConfigProblems problems = new ConfigProblems();
        TimeInterval interval = TimeInterval.compile(spec, "t", problems);
        assertThat(problems.list()).isEmpty();
        return interval;
    }

    private static List<String> problems(TimeIntervalSpec spec) {
        ConfigProblems problems = new ConfigProblems();
        assertThat(TimeInterval.compile(spec, "t", problems)).isNull();
        return problems.list();
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void timesIncludeTheStartAndExcludeTheEnd() {
        TimeInterval work = compile(spec(List.of(new TimeRangeSpec("09:00", "17:00")), null, null, null, null, null));
        assertThat(work.contains(at("2026-01-05T08:59:59Z"))).isFalse();
        assertThat(work.contains(at("2026-01-05T09:00:00Z"))).isTrue();
        assertThat(work.contains(at("2026-01-05T16:59:59Z"))).isTrue();
        assertThat(work.contains(at("2026-01-05T17:00:00Z"))).isFalse();
        TimeInterval evening = compile(spec(List.of(new TimeRangeSpec("20:00", "24:00")), null, null, null, null, null));
        assertThat(evening.contains(at("2026-01-05T23:59:00Z"))).isTrue();
        assertThat(evening.contains(at("2026-01-06T00:00:00Z"))).isFalse();
    }

    @Test
    void weekdaysByNameAndRange() {
        TimeInterval weekend = compile(spec(null, List.of("Saturday", "sunday"), null, null, null, null));
        assertThat(weekend.contains(at("2026-01-10T12:00:00Z"))).as("saturday").isTrue();
        assertThat(weekend.contains(at("2026-01-11T12:00:00Z"))).as("sunday").isTrue();
        assertThat(weekend.contains(at("2026-01-12T12:00:00Z"))).as("monday").isFalse();
        TimeInterval week = compile(spec(null, List.of("monday:friday"), null, null, null, null));
        assertThat(week.contains(at("2026-01-09T12:00:00Z"))).as("friday").isTrue();
        assertThat(week.contains(at("2026-01-10T12:00:00Z"))).as("saturday").isFalse();
    }

    @Test
    void negativeDaysOfMonthCountFromTheEnd() {
        TimeInterval lastTwo = compile(spec(null, null, List.of("-2:-1"), null, null, null));
        assertThat(lastTwo.contains(at("2026-02-27T00:00:00Z"))).isTrue();
        assertThat(lastTwo.contains(at("2026-02-28T00:00:00Z"))).isTrue();
        assertThat(lastTwo.contains(at("2026-02-26T00:00:00Z"))).isFalse();
        assertThat(lastTwo.contains(at("2026-01-30T00:00:00Z"))).isTrue();
        assertThat(lastTwo.contains(at("2026-01-29T00:00:00Z"))).isFalse();
    }

    @Test
    void daysBeyondAShortMonthSelectNothingInIt() {
        TimeInterval late = compile(spec(null, null, List.of("30:31"), null, null, null));
        assertThat(late.contains(at("2026-01-31T00:00:00Z"))).isTrue();
        assertThat(late.contains(at("2026-02-28T00:00:00Z"))).isFalse();
        TimeInterval toEnd = compile(spec(null, null, List.of("28:31"), null, null, null));
        assertThat(toEnd.contains(at("2026-02-28T00:00:00Z"))).isTrue();
    }

    @Test
    void monthsByNameOrNumberAndYears() {
        TimeInterval q1 = compile(spec(null, null, null, List.of("january:march", "12"), List.of("2026:2027"), null));
        assertThat(q1.contains(at("2026-02-01T00:00:00Z"))).isTrue();
        assertThat(q1.contains(at("2026-12-01T00:00:00Z"))).isTrue();
        assertThat(q1.contains(at("2026-04-01T00:00:00Z"))).isFalse();
        assertThat(q1.contains(at("2028-02-01T00:00:00Z"))).isFalse();
    }

    @Test
    void allFieldsMustHold() {
        TimeInterval businessHours = compile(spec(List.of(new TimeRangeSpec("09:00", "17:00")),
                List.of("monday:friday"), null, null, null, null));
        assertThat(businessHours.contains(at("2026-01-05T10:00:00Z"))).isTrue();
        assertThat(businessHours.contains(at("2026-01-10T10:00:00Z"))).as("saturday").isFalse();
        assertThat(businessHours.contains(at("2026-01-05T18:00:00Z"))).as("evening").isFalse();
    }

    @Test
    void fieldsAreReadInTheLocation() {
        TimeInterval newYork = compile(spec(List.of(new TimeRangeSpec("09:00", "17:00")), List.of("monday:friday"),
                null, null, null, "America/New_York"));
        // Monday 13:59 UTC is 08:59 in New York (EST, UTC-5); 14:00 UTC is 09:00.
        assertThat(newYork.contains(at("2026-01-05T13:59:00Z"))).isFalse();
        assertThat(newYork.contains(at("2026-01-05T14:00:00Z"))).isTrue();
        // Saturday 01:00 UTC is still Friday 20:00 in New York: outside the hours, but a weekday there.
        TimeInterval fridays = compile(spec(null, List.of("friday"), null, null, null, "America/New_York"));
        assertThat(fridays.contains(at("2026-01-10T01:00:00Z"))).isTrue();
        // In July New York is on daylight time (UTC-4): 13:00 UTC is 09:00.
        assertThat(newYork.contains(at("2026-07-06T13:00:00Z"))).isTrue();
        TimeInterval sydney = compile(spec(null, null, List.of("1"), null, null, "Australia/Sydney"));
        assertThat(sydney.contains(at("2026-01-31T14:00:00Z"))).as("already February 1st in Sydney").isTrue();
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        assertThat(problems(spec(List.of(new TimeRangeSpec("9:00", "17:00"), new TimeRangeSpec("18:00", "17:00"),
                new TimeRangeSpec(null, "10:00")), List.of("funday", "friday:monday"), List.of("0", "-1:5", "10:2", "x"),
                List.of("smarch", "13"), List.of("2027:2026"), "Mars/Olympus")))
                .containsExactly(
                        "t.location: unknown time zone \"Mars/Olympus\"",
                        "t.times[0].start_time: \"9:00\" is not a time of day in HH:MM form (00:00 to 24:00)",
                        "t.times[1]: start_time 18:00 is not before end_time 17:00",
                        "t.times[2]: both start_time and end_time must be given",
                        "t.weekdays[0]: \"funday\" is not a valid weekday",
                        "t.weekdays[1]: start day friday is after end day monday",
                        "t.days_of_month[0]: 0 is not a valid day of the month: out of range",
                        "t.days_of_month[1]: end day must be negative if start day is negative",
                        "t.days_of_month[2]: end day 2 is always before start day 10",
                        "t.days_of_month[3]: \"x\" is not a number or a range of numbers",
                        "t.months[0]: \"smarch\" is not a valid month",
                        "t.months[1]: \"13\" is not a valid month: out of range",
                        "t.years[0]: end year 2026 is before start year 2027");
    }

    @Test
    void aScheduleIsInsideWhenAnyIntervalIs() {
        ConfigProblems problems = new ConfigProblems();
        Schedule schedule = Schedule.compile("windows", List.of(
                spec(null, List.of("saturday"), null, null, null, null),
                spec(List.of(new TimeRangeSpec("02:00", "03:00")), null, null, null, null, null)), "s", problems);
        assertThat(problems.isEmpty()).isTrue();
        assertThat(schedule.contains(at("2026-01-10T12:00:00Z"))).isTrue();
        assertThat(schedule.contains(at("2026-01-05T02:30:00Z"))).isTrue();
        assertThat(schedule.contains(at("2026-01-05T03:30:00Z"))).isFalse();
        assertThat(schedule.name()).isEqualTo("windows");
    }
}
