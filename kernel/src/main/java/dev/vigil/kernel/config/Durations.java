package dev.vigil.kernel.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in the configuration file: {@code 250ms}, {@code 10s}, {@code PT10S}. */
final class Durations {

    /** What a bad duration is told to look like. */
    static final String ACCEPTED_FORMS =
            "a whole number with a unit: 250ms, 10s, 5m, 1h, 2d; or ISO-8601 such as PT10S";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final ChronoUnit[] WHOLE_SECONDS_LARGEST_FIRST = {
        ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS
    };

    private Durations() {}

    /** The duration {@code text} stands for, or empty when it is not in one of the {@link #ACCEPTED_FORMS}. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        Matcher withUnit = WITH_UNIT.matcher(trimmed);
        try {
            if (withUnit.matches()) {
                return Optional.of(Duration.of(Long.parseLong(withUnit.group(1)), unit(withUnit.group(2))));
            }
            if (trimmed.matches("[+-]?[Pp].*")) {
                return Optional.of(Duration.parse(trimmed));
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException tooLargeOrMalformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code duration} in the shortest accepted form that is exact, such as {@code 10s}; ISO-8601 otherwise. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.getNano() == 0) {
            long seconds = duration.getSeconds();
            for (ChronoUnit unit : WHOLE_SECONDS_LARGEST_FIRST) {
                long unitSeconds = unit.getDuration().getSeconds();
                if (seconds % unitSeconds == 0) {
                    return seconds / unitSeconds + symbol(unit);
                }
            }
        }
        if (duration.getNano() % 1_000_000 == 0 && Math.abs(duration.getSeconds()) < Long.MAX_VALUE / 1000) {
            return duration.toMillis() + "ms";
        }
        return duration.toString();
    }

    private static ChronoUnit unit(String symbol) {
        return switch (symbol) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            default -> throw new IllegalArgumentException("unknown unit: " + symbol);
        };
    }

    private static String symbol(ChronoUnit unit) {
        return switch (unit) {
            case MILLIS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
            default -> throw new IllegalArgumentException("no symbol for " + unit);
        };
    }
}
