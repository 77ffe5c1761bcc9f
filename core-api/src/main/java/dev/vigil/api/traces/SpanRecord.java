package dev.vigil.api.traces;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import dev.vigil.api.logs.LogRecord;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One finished span. Immutable; the maps are sorted by key.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits
 * @param parentSpanId the parent's span id, or empty for a root span
 * @param name the operation, such as {@code GET /api/orders}
 * @param kind what the span stands for
 * @param startNanos when it started, in nanoseconds since the epoch
 * @param endNanos when it ended, not before {@code startNanos}
 * @param status how it ended
 * @param resource the attributes of what emitted it, such as {@code service.name}
 * @param scope the instrumentation scope's name, or empty
 * @param attributes the span's own attributes
 * @param events what happened during the span
 * @param links spans of other traces it relates to
 */
@Experimental
public record SpanRecord(String traceId, String spanId, String parentSpanId, String name, SpanKind kind, long startNanos,
        long endNanos, SpanStatus status, Map<String, String> resource, String scope, Map<String, String> attributes,
        List<Event> events, List<Link> links) {

    /** Checks and copies. */
    public SpanRecord {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(scope, "scope is null");
        if (!LogRecord.isTraceId(requireNonNull(traceId, "traceId is null"))) {
            throw new IllegalArgumentException("traceId must be 32 lower-case hex digits: " + traceId);
        }
        if (!LogRecord.isSpanId(requireNonNull(spanId, "spanId is null"))) {
            throw new IllegalArgumentException("spanId must be 16 lower-case hex digits: " + spanId);
        }
        if (!requireNonNull(parentSpanId, "parentSpanId is null").isEmpty() && !LogRecord.isSpanId(parentSpanId)) {
            throw new IllegalArgumentException("parentSpanId must be empty or 16 lower-case hex digits: " + parentSpanId);
        }
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("span " + spanId + " ends before it starts");
        }
        resource = sorted(requireNonNull(resource, "resource is null"));
        attributes = sorted(requireNonNull(attributes, "attributes is null"));
        events = List.copyOf(events);
        links = List.copyOf(links);
    }

    /** The resource's {@code service.name}, or {@code unknown_service}. */
    public String service() {
        return resource.getOrDefault(LogRecord.SERVICE_NAME, LogRecord.UNKNOWN_SERVICE);
    }

    /** Whether it has no parent. */
    public boolean isRoot() {
        return parentSpanId.isEmpty();
    }

    /** How long it took. */
    public Duration duration() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /**
     * Something that happened during a span, such as an exception.
     *
     * @param timeNanos when, in nanoseconds since the epoch
     * @param name what, such as {@code exception}
     * @param attributes its attributes, such as {@code exception.type}
     */
    public record Event(long timeNanos, String name, Map<String, String> attributes) {
        /** Checks and copies. */
        public Event {
            requireNonNull(name, "name is null");
            attributes = sorted(requireNonNull(attributes, "attributes is null"));
        }
    }

    /**
     * A span of another trace (or of the same one) that this one relates to.
     *
     * @param traceId its trace
     * @param spanId the span
     * @param attributes the link's attributes
     */
    public record Link(String traceId, String spanId, Map<String, String> attributes) {
        /** Checks and copies. */
        public Link {
            requireNonNull(traceId, "traceId is null");
            requireNonNull(spanId, "spanId is null");
            attributes = sorted(requireNonNull(attributes, "attributes is null"));
        }
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
