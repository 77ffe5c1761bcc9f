package dev.vigil.api.logs;

import dev.vigil.api.Experimental;
import java.util.Locale;
import java.util.Optional;

/**
 * How severe a log record is: OpenTelemetry's six severity ranges, each with the lowest {@code SeverityNumber} of
 * its range. Logback's levels map to the first five; {@code FATAL} is an error logged with the {@code FATAL} marker.
 */
@Experimental
public enum Severity {
    /** Numbers 1 to 4. */
    TRACE(1),
    /** Numbers 5 to 8. */
    DEBUG(5),
    /** Numbers 9 to 12. */
    INFO(9),
    /** Numbers 13 to 16. */
    WARN(13),
    /** Numbers 17 to 20. */
    ERROR(17),
    /** Numbers 21 to 24. */
    FATAL(21);

    private final int number;

    Severity(int number) {
        this.number = number;
    }

    /** The lowest OpenTelemetry {@code SeverityNumber} of this range. */
    public int number() {
        return number;
    }

    /** The name in lower case, as Loki's {@code level} label and Vigil's API write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The range of an OpenTelemetry {@code SeverityNumber}; empty for 0 ({@code UNSPECIFIED}) and numbers outside
     * 1 to 24.
     */
    public static Optional<Severity> ofNumber(int number) {
        if (number < 1 || number > 24) {
            return Optional.empty();
        }
        return Optional.of(values()[(number - 1) / 4]);
    }

    /**
     * The severity a level name stands for, in any case: {@code trace}, {@code debug}, {@code info},
     * {@code warn}/{@code warning}, {@code error}/{@code err}, {@code fatal}/{@code critical}/{@code crit}; empty
     * for anything else.
     */
    public static Optional<Severity> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "trace" -> Optional.of(TRACE);
            case "debug" -> Optional.of(DEBUG);
            case "info", "information", "notice" -> Optional.of(INFO);
            case "warn", "warning" -> Optional.of(WARN);
            case "error", "err" -> Optional.of(ERROR);
            case "fatal", "critical", "crit", "emerg", "emergency", "alert" -> Optional.of(FATAL);
            default -> Optional.empty();
        };
    }
}
