package dev.vigil.alerting.api;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Query parameters of the API, each refused with 400 and the parameter's name when it is malformed. */
final class Params {

    private Params() {}

    /** A time parameter: RFC 3339 or Unix seconds with decimals, as Prometheus's API takes them. */
    static Optional<Instant> time(HttpExchange exchange, String name) {
        return exchange.queryParam(name).filter(v -> !v.isEmpty()).map(value -> time(value, name));
    }

    /** {@code value} read as a time: RFC 3339 or Unix seconds with decimals. */
    static Instant time(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            return unixSeconds(value, name);
        }
    }

    /** {@code value} read as Unix seconds with decimals. */
    static Instant unixSeconds(String value, String name) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw HttpStatusException.badRequest("invalid parameter \"" + name + "\": cannot parse \"" + value
                    + "\" as a time (RFC 3339 or Unix seconds)");
        }
    }

    /** A whole-number parameter between {@code min} and {@code max}. */
    static Optional<Integer> integer(HttpExchange exchange, String name, int min, int max) {
        Optional<String> value = exchange.queryParam(name).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw HttpStatusException.badRequest("invalid parameter \"" + name + "\": must be from " + min + " to " + max + ", got "
                        + parsed);
            }
            return Optional.of(parsed);
        } catch (NumberFormatException e) {
            throw HttpStatusException.badRequest("invalid parameter \"" + name + "\": not a whole number: \"" + value.get() + "\"");
        }
    }

    /** Every value of a parameter that may be repeated or hold values separated by commas, without empty ones. */
    static List<String> list(HttpExchange exchange, String name) {
        List<String> out = new ArrayList<>();
        for (String value : exchange.queryParams(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
