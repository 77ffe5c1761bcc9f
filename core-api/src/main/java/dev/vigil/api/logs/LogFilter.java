package dev.vigil.api.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which records a search, a count or a tail takes: every condition must hold. Immutable; make one with
 * {@link #between(Instant, Instant)} and the {@code with…} methods.
 *
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 * @param resource conditions on resource attributes, by their OpenTelemetry names ({@code service.name}); an
 *     attribute a record lacks is matched as {@code ""}
 * @param severities the severities taken; empty for all
 * @param loggers the logger names (scopes) taken, exactly; empty for all
 * @param attributes conditions on the record's own attributes, an absent one matched as {@code ""}
 * @param traceId the trace id the record must carry, or empty for any
 * @param lines conditions on the body
 */
@Experimental
public record LogFilter(Instant from, Instant to, List<LabelMatcher> resource, Set<Severity> severities, Set<String> loggers,
        List<LabelMatcher> attributes, String traceId, List<LineFilter> lines) {

    /** Checks and copies. */
    public LogFilter {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(traceId, "traceId is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
        resource = List.copyOf(resource);
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        loggers = Set.copyOf(loggers);
        attributes = List.copyOf(attributes);
        lines = List.copyOf(lines);
    }

    /** Every record from {@code from} (inclusive) to {@code to} (exclusive). */
    public static LogFilter between(Instant from, Instant to) {
        return new LogFilter(from, to, List.of(), Set.of(), Set.of(), List.of(), "", List.of());
    }

    /** This filter from {@code from} to {@code to}. */
    public LogFilter withTime(Instant from, Instant to) {
        return new LogFilter(from, to, resource, severities, loggers, attributes, traceId, lines);
    }

    /** This filter and the resource conditions {@code matchers}. */
    public LogFilter withResource(LabelMatcher... matchers) {
        return new LogFilter(from, to, plus(resource, matchers), severities, loggers, attributes, traceId, lines);
    }

    /** This filter and {@code service.name = service}. */
    public LogFilter withService(String service) {
        return withResource(LabelMatcher.equal(LogRecord.SERVICE_NAME, service));
    }

    /** This filter taking only {@code severities} (replacing any set before). */
    public LogFilter withSeverities(Set<Severity> severities) {
        return new LogFilter(from, to, resource, severities, loggers, attributes, traceId, lines);
    }

    /** This filter taking only the loggers {@code loggers} (replacing any set before). */
    public LogFilter withLoggers(Set<String> loggers) {
        return new LogFilter(from, to, resource, severities, loggers, attributes, traceId, lines);
    }

    /** This filter and the attribute conditions {@code matchers}. */
    public LogFilter withAttributes(LabelMatcher... matchers) {
        return new LogFilter(from, to, resource, severities, loggers, plus(attributes, matchers), traceId, lines);
    }

    /** This filter taking only the trace {@code traceId}. */
    public LogFilter withTraceId(String traceId) {
        return new LogFilter(from, to, resource, severities, loggers, attributes, traceId, lines);
    }

    /** This filter and the body conditions {@code filters}. */
    public LogFilter withLines(LineFilter... filters) {
        return new LogFilter(from, to, resource, severities, loggers, attributes, traceId, plus(lines, filters));
    }

    /** Whether {@code record} passes every condition, its time included. */
    public boolean test(LogRecord record) {
        long t = record.timeNanos();
        return t >= nanos(from) && t < nanos(to) && testIgnoringTime(record);
    }

    /** Whether {@code record} passes every condition but the time range, as a live tail tests it. */
    public boolean testIgnoringTime(LogRecord record) {
        if (!severities.isEmpty() && !severities.contains(record.severity())) {
            return false;
        }
        if (!loggers.isEmpty() && !loggers.contains(record.scope())) {
            return false;
        }
        if (!traceId.isEmpty() && !traceId.equals(record.traceId())) {
            return false;
        }
        for (LabelMatcher m : resource) {
            if (!m.matches(record.resource().getOrDefault(m.name(), ""))) {
                return false;
            }
        }
        for (LabelMatcher m : attributes) {
            if (!m.matches(record.attributes().getOrDefault(m.name(), ""))) {
                return false;
            }
        }
        for (LineFilter f : lines) {
            if (!f.test(record.body())) {
                return false;
            }
        }
        return true;
    }

    /** Nanoseconds since the epoch, saturating. */
    public static long nanos(Instant time) {
        try {
            return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
        } catch (ArithmeticException e) {
            return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @SafeVarargs
    private static <T> List<T> plus(List<T> list, T... more) {
        List<T> out = new ArrayList<>(list);
        for (T t : more) {
            out.add(requireNonNull(t, "condition is null"));
        }
        return out;
    }

    /** Severities from {@code lowest} up, such as {@code WARN}, {@code ERROR} and {@code FATAL} for {@code WARN}. */
    public static Set<Severity> atLeast(Severity lowest) {
        Set<Severity> out = new LinkedHashSet<>();
        for (Severity s : Severity.values()) {
            if (s.compareTo(lowest) >= 0) {
                out.add(s);
            }
        }
        return out;
    }
}
