package dev.vigil.tracing.api;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Query parameters of the trace API; a bad value is a 400 naming the parameter. */
final class Params {

    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ns|us|µs|ms|s|m|h|d)");

    private Params() {}

    /** A time: RFC 3339, or Unix seconds with decimals. */
    static Optional<Instant> time(HttpExchange exchange, String name) {
        return exchange.queryParam(name).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    BigDecimal seconds = new BigDecimal(text);
                    return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
                } catch (NumberFormatException | ArithmeticException notNumber) {
                    throw HttpStatusException.badRequest(name + ": cannot read '" + text + "' as a time (RFC 3339 or Unix seconds)");
                }
            }
        });
    }

    /** A duration such as {@code 250ms}, {@code 1h30m} or {@code 2s}. */
    static Optional<Duration> duration(HttpExchange exchange, String name) {
        return exchange.queryParam(name).map(text -> {
            Matcher m = DURATION.matcher(text);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ns" -> Duration.ofNanos(n);
                    case "us", "µs" -> Duration.ofNanos(n * 1_000);
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                end = m.end();
            }
            if (end == 0 || end != text.length()) {
                throw HttpStatusException.badRequest(name + ": cannot read '" + text + "' as a duration such as 250ms, 2s or 1h30m");
            }
            return total;
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    static Optional<Integer> integer(HttpExchange exchange, String name, int min, int max) {
        return exchange.queryParam(name).map(text -> {
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw HttpStatusException.badRequest(name + ": must be from " + min + " to " + max + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw HttpStatusException.badRequest(name + ": '" + text + "' is not a whole number");
            }
        });
    }
}
