package dev.vigil.logging.api;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Re2Pattern;
import dev.vigil.logging.loki.LokiTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The filter parameters every log endpoint takes: {@code start} and {@code end} (RFC 3339, Unix seconds or Unix
 * nanoseconds; the last hour by default), {@code service}, {@code level} (each a severity, or {@code >=warn} for that
 * and above), {@code logger}, {@code trace_id}, {@code attr} ({@code name=value}), {@code contains} and
 * {@code regex} (RE2, matched anywhere in the body). Repeated parameters of one name are alternatives, except
 * {@code attr}, {@code contains} and {@code regex}, which must all hold. A bad value is a 400 naming the parameter.
 */
final class FilterParams {

    static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    private FilterParams() {}

    static LogFilter filter(HttpExchange exchange, Clock clock) {
        Instant end = time(exchange, "end").orElse(clock.instant());
        Instant start = time(exchange, "start").orElse(end.minus(DEFAULT_RANGE));
        if (end.isBefore(start)) {
            throw HttpStatusException.badRequest("end " + end + " is before start " + start);
        }
        LogFilter filter = LogFilter.between(start, end).withSeverities(severities(exchange))
                .withLoggers(new LinkedHashSet<>(exchange.queryParams("logger")));
        Set<String> services = new LinkedHashSet<>(exchange.queryParams("service"));
        if (!services.isEmpty()) {
            filter = filter.withResource(LabelMatcher.regex(LogRecord.SERVICE_NAME,
                    String.join("|", services.stream().map(Re2Pattern::quoteMeta).toList())));
        }
        String traceId = exchange.queryParam("trace_id").orElse("");
        if (!traceId.isEmpty()) {
            if (!traceId.matches("[0-9a-fA-F]{32}")) {
                throw HttpStatusException.badRequest("trace_id: '" + traceId + "' is not 32 hex digits");
            }
            filter = filter.withTraceId(traceId.toLowerCase(java.util.Locale.ROOT));
        }
        for (String attr : exchange.queryParams("attr")) {
            int eq = attr.indexOf('=');
            if (eq <= 0) {
                throw HttpStatusException.badRequest("attr: '" + attr + "' is not name=value");
            }
            filter = filter.withAttributes(LabelMatcher.equal(attr.substring(0, eq), attr.substring(eq + 1)));
        }
        for (String text : exchange.queryParams("contains")) {
            filter = filter.withLines(LineFilter.contains(text));
        }
        for (String regex : exchange.queryParams("regex")) {
            try {
                filter = filter.withLines(LineFilter.regex(regex));
            } catch (IllegalArgumentException e) {
                throw HttpStatusException.badRequest("regex: " + e.getMessage());
            }
        }
        return filter;
    }

    private static Set<Severity> severities(HttpExchange exchange) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        for (String level : exchange.queryParams("level")) {
            boolean andAbove = level.startsWith(">=");
            String name = andAbove ? level.substring(2) : level;
            Severity severity = Severity.parse(name).orElseThrow(() -> HttpStatusException.badRequest("level: '" + level
                    + "' is not a severity (trace, debug, info, warn, error, fatal, or >= one of them)"));
            out.addAll(andAbove ? LogFilter.atLeast(severity) : Set.of(severity));
        }
        return out;
    }

    static java.util.Optional<Instant> time(HttpExchange exchange, String name) {
        return exchange.queryParam(name).map(text -> {
            try {
                long nanos = LokiTime.parseTimestamp(text);
                return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
            } catch (IllegalArgumentException e) {
                throw HttpStatusException.badRequest(name + ": cannot read '" + text + "' as a time (RFC 3339, Unix seconds or nanoseconds)");
            }
        });
    }
}
