package dev.vigil.alerting.template;

import static dev.vigil.alerting.template.Function.Param.STRING;

import dev.vigil.alerting.template.Function.Body;
import dev.vigil.alerting.template.Function.Param;
import dev.vigil.alerting.template.GoValue.GoDuration;
import dev.vigil.alerting.template.GoValue.GoTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The methods of {@code time.Time} and {@code time.Duration} that templates call on what {@code toTime} and
 * {@code toDuration} return, such as {@code (toTime $value).Format "2006-01-02"}. Stateless.
 */
final class Methods {

    private Methods() {}

    /** The method {@code name} of {@code receiver} bound to it, or null when it has none. */
    static @Nullable Function lookup(Object receiver, String name) {
        if (receiver instanceof GoTime t) {
            return timeMethod(t, name);
        }
        if (receiver instanceof GoDuration d) {
            return durationMethod(d, name);
        }
        return null;
    }

    private static @Nullable Function timeMethod(GoTime t, String name) {
        ZonedDateTime utc = Instant.ofEpochMilli(t.epochMillis()).atZone(ZoneOffset.UTC);
        return switch (name) {
            case "Format" -> method(name, (env, a) -> GoTimes.format(t.epochMillis(), (String) a[0]), STRING);
            case "String" -> method(name, (env, a) -> t.toString());
            case "Unix" -> method(name, (env, a) -> Math.floorDiv(t.epochMillis(), 1000L));
            case "UnixMilli" -> method(name, (env, a) -> t.epochMillis());
            case "UnixNano" -> method(name, (env, a) -> t.epochMillis() * 1_000_000L);
            case "UTC", "Local" -> method(name, (env, a) -> new GoTime(t.epochMillis(), false));
            case "Year" -> method(name, (env, a) -> (long) utc.getYear());
            case "YearDay" -> method(name, (env, a) -> (long) utc.getDayOfYear());
            case "Day" -> method(name, (env, a) -> (long) utc.getDayOfMonth());
            case "Hour" -> method(name, (env, a) -> (long) utc.getHour());
            case "Minute" -> method(name, (env, a) -> (long) utc.getMinute());
            case "Second" -> method(name, (env, a) -> (long) utc.getSecond());
            default -> null;
        };
    }

    private static @Nullable Function durationMethod(GoDuration d, String name) {
        return switch (name) {
            case "String" -> method(name, (env, a) -> d.toString());
            case "Seconds" -> method(name, (env, a) -> Humanize.seconds(d.nanos()));
            case "Minutes" -> method(name, (env, a) -> (double) (d.nanos() / 60_000_000_000L)
                    + (double) (d.nanos() % 60_000_000_000L) / 6e10);
            case "Hours" -> method(name, (env, a) -> (double) (d.nanos() / 3_600_000_000_000L)
                    + (double) (d.nanos() % 3_600_000_000_000L) / 3.6e12);
            case "Milliseconds" -> method(name, (env, a) -> d.nanos() / 1_000_000L);
            case "Microseconds" -> method(name, (env, a) -> d.nanos() / 1_000L);
            case "Nanoseconds" -> method(name, (env, a) -> d.nanos());
            default -> null;
        };
    }

    private static Function method(String name, Body body, Param... params) {
        return new Function(name, false, List.of(params), false, body);
    }
}
