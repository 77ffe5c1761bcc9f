package dev.vigil.alerting.notify.time;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import dev.vigil.alerting.notify.config.TimeRangeSpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One compiled time interval: an instant is inside when, read in the interval's time zone, it satisfies every
 * field that has entries. Immutable and thread-safe.
 */
public final class TimeInterval {

    private static final Pattern CLOCK = Pattern.compile("(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00");
    private static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private final TimeIntervalSpec spec;
    private final ZoneId zone;
    /** Each range as {start, end}: minutes of the day with the end excluded, the others with both ends included. */
    private final int[][] minutes;
    private final int[][] weekdays;
    private final int[][] daysOfMonth;
    private final int[][] months;
    private final int[][] years;

    private TimeInterval(TimeIntervalSpec spec, ZoneId zone, int[][] minutes, int[][] weekdays, int[][] daysOfMonth,
            int[][] months, int[][] years) {
        this.spec = spec;
        this.zone = zone;
        this.minutes = minutes;
        this.weekdays = weekdays;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.years = years;
    }

    /**
     * Compiles {@code spec}, reporting each problem under {@code path}.
     *
     * @return the interval, or null when a problem was reported
     */
    public static @Nullable TimeInterval compile(TimeIntervalSpec spec, String path, ConfigProblems problems) {
        requireNonNull(spec, "spec is null");
        int before = problems.list().size();
        ZoneId zone = ZoneOffset.UTC;
        if (spec.location() != null) {
            try {
                zone = spec.location().equals("Local") ? ZoneId.systemDefault() : ZoneId.of(spec.location());
            } catch (DateTimeException e) {
                problems.add(path + ".location", "unknown time zone \"" + spec.location() + "\"");
            }
        }
        int[][] minutes = new int[spec.times().size()][];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = timeRange(spec.times().get(i), path + ".times[" + i + "]", problems);
        }
        int[][] weekdays = ranges(spec.weekdays(), path + ".weekdays", problems, TimeInterval::weekday, (r, text) -> {
            if (r[0] > r[1]) {
                return "start day " + WEEKDAYS.get(r[0]) + " is after end day " + WEEKDAYS.get(r[1]);
            }
            return null;
        });
        int[][] days = ranges(spec.daysOfMonth(), path + ".days_of_month", problems, Integer::parseInt,
                TimeInterval::checkDaysOfMonth);
        int[][] months = ranges(spec.months(), path + ".months", problems, TimeInterval::month, (r, text) -> {
            if (r[0] < 1 || r[1] > 12) {
                return "\"" + text + "\" is not a valid month: out of range";
            }
            return r[0] > r[1] ? "end month " + MONTHS.get(r[1] - 1) + " is before start month "
                    + MONTHS.get(r[0] - 1) : null;
        });
        int[][] years = ranges(spec.years(), path + ".years", problems, Integer::parseInt, (r, text) -> {
            if (r[0] < 1) {
                return "\"" + text + "\" is not a valid year";
            }
            return r[0] > r[1] ? "end year " + r[1] + " is before start year " + r[0] : null;
        });
        if (problems.list().size() > before) {
            return null;
        }
        return new TimeInterval(spec, zone, minutes, weekdays, days, months, years);
    }

    /** Whether {@code instant} is inside this interval. */
    public boolean contains(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        if (minutes.length > 0 && !inAny(minutes, t.getHour() * 60 + t.getMinute(), true)) {
            return false;
        }
        if (daysOfMonth.length > 0 && !inDaysOfMonth(t)) {
            return false;
        }
        if (months.length > 0 && !inAny(months, t.getMonthValue(), false)) {
            return false;
        }
        if (weekdays.length > 0 && !inAny(weekdays, t.getDayOfWeek().getValue() % 7, false)) {
            return false;
        }
        return years.length == 0 || inAny(years, t.getYear(), false);
    }

    /** The interval as configured. */
    public TimeIntervalSpec spec() {
        return spec;
    }

    private boolean inDaysOfMonth(ZonedDateTime t) {
        int length = YearMonth.from(t).lengthOfMonth();
        int day = t.getDayOfMonth();
        for (int[] r : daysOfMonth) {
            int begin = r[0] < 0 ? length + r[0] + 1 : r[0];
            int end = r[1] < 0 ? length + r[1] + 1 : r[1];
            // A range that starts after the end of a short month selects nothing in it; one that ends after it
            // stops at its last day.
            if (begin > length) {
                continue;
            }
            if (day >= begin && day <= Math.min(end, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAny(int[][] ranges, int value, boolean endExcluded) {
        for (int[] r : ranges) {
            if (value >= r[0] && (endExcluded ? value < r[1] : value <= r[1])) {
                return true;
            }
        }
        return false;
    }

    private static int @Nullable [] timeRange(TimeRangeSpec range, String path, ConfigProblems problems) {
        if (range.startTime() == null || range.endTime() == null) {
            problems.add(path, "both start_time and end_time must be given");
            return null;
        }
        int start = clock(range.startTime(), path + ".start_time", problems);
        int end = clock(range.endTime(), path + ".end_time", problems);
        if (start < 0 || end < 0) {
            return null;
        }
        if (start >= end) {
            problems.add(path, "start_time " + range.startTime() + " is not before end_time " + range.endTime());
            return null;
        }
        return new int[] {start, end};
    }

    private static int clock(String text, String path, ConfigProblems problems) {
        if (!CLOCK.matcher(text).matches()) {
            problems.add(path, "\"" + text + "\" is not a time of day in HH:MM form (00:00 to 24:00)");
            return -1;
        }
        return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
    }

    private static String checkDaysOfMonth(int[] r, String text) {
        for (int d : r) {
            if (d == 0 || d < -31 || d > 31) {
                return d + " is not a valid day of the month: out of range";
            }
        }
        if (r[0] < 0 && r[1] > 0) {
            return "end day must be negative if start day is negative";
        }
        // With negative days the order depends on the month; refuse only what is wrong in every month.
        int begin = r[0] < 0 ? 28 + r[0] : r[0];
        int end = r[1] < 0 ? 28 + r[1] : r[1];
        return begin > end ? "end day " + r[1] + " is always before start day " + r[0] : null;
    }

    private static int weekday(String name) {
        int i = WEEKDAYS.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid weekday");
        }
        return i;
    }

    private static int month(String name) {
        int i = MONTHS.indexOf(name);
        if (i >= 0) {
            return i + 1;
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid month", e);
        }
    }

    private interface Member {
        int parse(String text);
    }

    private interface Check {
        @Nullable String problem(int[] range, String text);
    }

    private static int[][] ranges(List<String> texts, String path, ConfigProblems problems, Member member,
            Check check) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).strip().toLowerCase(Locale.ROOT);
            String itemPath = path + "[" + i + "]";
            String[] parts = text.split(":", -1);
            if (parts.length > 2 || text.isEmpty()) {
                problems.add(itemPath, "\"" + texts.get(i) + "\" is not a value or a start:end range");
                continue;
            }
            try {
                int[] range = {member.parse(parts[0].strip()), member.parse(parts[parts.length - 1].strip())};
                String problem = check.problem(range, texts.get(i));
                if (problem != null) {
                    problems.add(itemPath, problem);
                } else {
                    out.add(range);
                }
            } catch (NumberFormatException e) {
                problems.add(itemPath, "\"" + texts.get(i) + "\" is not a number or a range of numbers");
            } catch (IllegalArgumentException e) {
                problems.add(itemPath, e.getMessage());
            }
        }
        return out.toArray(new int[0][]);
    }
}
