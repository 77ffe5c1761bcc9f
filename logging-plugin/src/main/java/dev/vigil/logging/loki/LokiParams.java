package dev.vigil.logging.loki;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.logging.logql.Durations;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of one Loki API request, from the query string or a form body, read and checked in Loki's order and
 * words; a bad value is a {@link LokiBadRequest}. Valid while the request is handled; one thread.
 */
final class LokiParams {

    /** Loki's {@code limit} when none is given. */
    static final int DEFAULT_LIMIT = 100;
    /** How far back {@code start} is from {@code end} when neither {@code start} nor {@code since} is given. */
    static final long DEFAULT_SINCE_NANOS = 3_600_000_000_000L;
    /** The most steps a range query may have. */
    static final long MAX_POINTS = 11_000;

    private final HttpExchange exchange;
    private final long nowNanos;

    LokiParams(HttpExchange exchange, long nowNanos) {
        this.exchange = requireNonNull(exchange, "exchange is null");
        this.nowNanos = nowNanos;
    }

    /** The first value of {@code name}, or {@code ""}. */
    String value(String name) {
        return exchange.queryParam(name).orElse("");
    }

    /** Every value of {@code name}. */
    List<String> values(String name) {
        return exchange.queryParams(name);
    }

    /** {@code query}. */
    String query() {
        return value("query");
    }

    /** {@code limit}: 100 by default, and positive. */
    int limit() {
        String text = value("limit");
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        long limit;
        try {
            limit = Long.parseLong(text);
        } catch (NumberFormatException e) {
            String reason = text.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
            throw new LokiBadRequest("strconv.Atoi: parsing " + LokiTime.quote(text) + ": " + reason);
        }
        if (limit <= 0) {
            throw new LokiBadRequest("limit must be a positive value");
        }
        if (limit > 0xFFFF_FFFFL) {
            throw new LokiBadRequest("limit value " + limit + " is out of range [0, " + 0xFFFF_FFFFL + "]");
        }
        return (int) Math.min(limit, Integer.MAX_VALUE);
    }

    /** A positive whole number, {@code fallback} when absent, refused as Loki refuses a bad {@code limit}. */
    int positive(String name, int fallback) {
        String text = value(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            String reason = text.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
            throw new LokiBadRequest("strconv.Atoi: parsing " + LokiTime.quote(text) + ": " + reason);
        }
        if (number <= 0) {
            throw new LokiBadRequest("limit must be a positive value");
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /** {@code direction}: backward (newest first) by default. */
    LogSearch.Direction direction() {
        String text = value("direction");
        if (text.isEmpty()) {
            return LogSearch.Direction.BACKWARD;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "BACKWARD" -> LogSearch.Direction.BACKWARD;
            case "FORWARD" -> LogSearch.Direction.FORWARD;
            default -> throw new LokiBadRequest("invalid direction '" + text + "'");
        };
    }

    /** {@code time} of an instant query, now by default, in nanoseconds. */
    long time() {
        return timestamp("time", nowNanos, null);
    }

    /**
     * {@code start} and {@code end} in nanoseconds. {@code end} is now by default; {@code start} is {@code since}
     * (one hour by default) before {@code end}, or before now when {@code end} is later than now.
     */
    long[] bounds() {
        long since = DEFAULT_SINCE_NANOS;
        String sinceText = value("since");
        if (!sinceText.isEmpty()) {
            try {
                since = Durations.parsePrometheus(sinceText);
            } catch (IllegalArgumentException e) {
                throw new LokiBadRequest("could not parse 'since' parameter: " + e.getMessage());
            }
        }
        long end = timestamp("end", nowNanos, "could not parse 'end' parameter: ");
        long endOrNow = Math.min(end, nowNanos);
        long start = timestamp("start", saturatedSubtract(endOrNow, since), "could not parse 'start' parameter: ");
        return new long[] {start, end};
    }

    /** The bounds of a range query: {@code end} must not be before {@code start}. */
    long[] rangeBounds() {
        long[] bounds = bounds();
        if (bounds[1] < bounds[0]) {
            throw new LokiBadRequest("end timestamp must not be before or equal to start time");
        }
        return bounds;
    }

    /**
     * {@code step} in nanoseconds: by default the range divided by 250, in whole seconds and at least one; positive,
     * and at most 11,000 steps in the range.
     */
    long step(long start, long end) {
        String text = value("step");
        long step;
        if (text.isEmpty()) {
            step = Math.max((long) Math.floor((end - start) / 1e9 / 250), 1) * 1_000_000_000L;
        } else {
            try {
                step = LokiTime.parseSecondsOrDuration(text);
            } catch (IllegalArgumentException e) {
                throw new LokiBadRequest(e.getMessage());
            }
        }
        if (step <= 0) {
            throw new LokiBadRequest("zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if ((end - start) / step > MAX_POINTS) {
            throw new LokiBadRequest("exceeded maximum resolution of 11,000 points per time series. Try increasing the value of"
                    + " the step parameter");
        }
        return step;
    }

    /** {@code interval}, which must be a valid duration and not negative; this API does not thin out lines by it. */
    void interval() {
        String text = value("interval");
        if (text.isEmpty()) {
            return;
        }
        long interval;
        try {
            interval = LokiTime.parseSecondsOrDuration(text);
        } catch (IllegalArgumentException e) {
            throw new LokiBadRequest(e.getMessage());
        }
        if (interval < 0) {
            throw new LokiBadRequest("interval must be >= 0");
        }
    }

    private long timestamp(String name, long fallback, @org.jspecify.annotations.Nullable String prefix) {
        String text = value(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return LokiTime.parseTimestamp(text);
        } catch (IllegalArgumentException e) {
            throw new LokiBadRequest(prefix == null ? e.getMessage() : prefix + e.getMessage());
        }
    }

    private static long saturatedSubtract(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }
}
