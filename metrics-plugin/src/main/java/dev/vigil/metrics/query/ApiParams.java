package dev.vigil.metrics.query;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.QueryException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The parameters of one API request, from the query string or a form-encoded body, read and checked as
 * Prometheus reads them; a bad value is a {@code bad_data} {@link QueryException} worded as Prometheus words it,
 * such as {@code invalid parameter "start": cannot parse "x" to a valid timestamp}. An absent parameter reads as
 * an empty string. Valid while the request is handled; one thread.
 */
final class ApiParams {

    private final HttpExchange exchange;

    ApiParams(HttpExchange exchange) {
        this.exchange = requireNonNull(exchange, "exchange is null");
    }

    /** The first value of {@code name}, or {@code ""}. */
    String value(String name) {
        return exchange.queryParam(name).orElse("");
    }

    /** Every value of {@code name}, in order. */
    List<String> values(String name) {
        return exchange.queryParams(name);
    }

    /** A time that must be given, in milliseconds (the {@code start} and {@code end} of a range query). */
    long requiredTime(String name) throws QueryException {
        try {
            return ApiTime.parseTime(value(name));
        } catch (IllegalArgumentException e) {
            throw invalidParameter(name, e.getMessage());
        }
    }

    /** A time that may be left out, in milliseconds; {@code fallback} when it is absent or empty. */
    long optionalTime(String name, long fallback) throws QueryException {
        String text = value(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return ApiTime.parseTime(text);
        } catch (IllegalArgumentException e) {
            throw invalidParameter(name, "Invalid time value for '" + name + "': " + e.getMessage());
        }
    }

    /** A duration that must be given, in nanoseconds (the {@code step} of a range query). */
    long requiredDuration(String name) throws QueryException {
        try {
            return ApiTime.parseDuration(value(name));
        } catch (IllegalArgumentException e) {
            throw invalidParameter(name, e.getMessage());
        }
    }

    /** A duration that may be left out, in nanoseconds (a query's {@code timeout}); empty when absent. */
    OptionalLong optionalDuration(String name) throws QueryException {
        String text = value(name);
        return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(requiredDuration(name));
    }

    /**
     * The {@code limit} of a query, series or label request: a number of results, 0 (also when absent) for no
     * limit.
     */
    int limit() throws QueryException {
        String text = value("limit");
        if (text.isEmpty()) {
            return 0;
        }
        long limit;
        try {
            limit = Long.parseLong(text);
        } catch (NumberFormatException e) {
            String reason = text.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
            throw invalidParameter("limit", "strconv.Atoi: parsing \"" + text + "\": " + reason);
        }
        if (limit < 0) {
            throw invalidParameter("limit", "limit must be non-negative");
        }
        return (int) Math.min(limit, Integer.MAX_VALUE);
    }

    /** {@code bad_data} with {@code message}. */
    static QueryException badData(String message) {
        return new QueryException(QueryException.ErrorType.BAD_DATA, message);
    }

    /** {@code bad_data}: {@code invalid parameter "<name>": <reason>}. */
    static QueryException invalidParameter(String name, String reason) {
        return badData("invalid parameter \"" + name + "\": " + reason);
    }
}
