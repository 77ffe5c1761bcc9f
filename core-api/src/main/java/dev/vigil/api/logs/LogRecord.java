package dev.vigil.api.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One log record. Immutable; the maps are sorted by key.
 *
 * @param timeNanos when the event happened, in nanoseconds since the epoch (OpenTelemetry's {@code time_unix_nano},
 *     else its observed time)
 * @param severity how severe it is
 * @param severityText the level as the source wrote it, such as {@code WARN} or {@code Warning}; may be empty
 * @param body the message; a structured body is written as JSON
 * @param resource the attributes of what emitted it, such as {@code service.name} and {@code host.name}
 * @param scope the logger's name (OpenTelemetry's instrumentation scope), such as {@code com.example.OrderService};
 *     may be empty
 * @param attributes the record's own attributes: MDC entries, key/value arguments, {@code thread.name},
 *     {@code exception.type}, {@code exception.message}, {@code exception.stacktrace} and the like
 * @param traceId the trace it was written in, 32 lower-case hex digits, or empty
 * @param spanId the span it was written in, 16 lower-case hex digits, or empty
 */
@Experimental
public record LogRecord(long timeNanos, Severity severity, String severityText, String body, Map<String, String> resource,
        String scope, Map<String, String> attributes, String traceId, String spanId) {

    /** The resource attribute that names the service, as in OpenTelemetry. */
    public static final String SERVICE_NAME = "service.name";

    /** The service name OpenTelemetry SDKs report when none is configured. */
    public static final String UNKNOWN_SERVICE = "unknown_service";

    /** Checks and copies. */
    public LogRecord {
        requireNonNull(severity, "severity is null");
        requireNonNull(severityText, "severityText is null");
        requireNonNull(body, "body is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(traceId, "traceId is null");
        requireNonNull(spanId, "spanId is null");
        resource = sorted(requireNonNull(resource, "resource is null"));
        attributes = sorted(requireNonNull(attributes, "attributes is null"));
        if (!traceId.isEmpty() && !isTraceId(traceId)) {
            throw new IllegalArgumentException("traceId must be 32 lower-case hex digits: " + traceId);
        }
        if (!spanId.isEmpty() && !isSpanId(spanId)) {
            throw new IllegalArgumentException("spanId must be 16 lower-case hex digits: " + spanId);
        }
    }

    /** The resource's {@code service.name}, or {@code unknown_service}. */
    public String service() {
        return resource.getOrDefault(SERVICE_NAME, UNKNOWN_SERVICE);
    }

    /** {@link #timeNanos()} as an instant. */
    public Instant time() {
        return Instant.ofEpochSecond(Math.floorDiv(timeNanos, 1_000_000_000L), Math.floorMod(timeNanos, 1_000_000_000L));
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(requireNonNull(k, "attribute name is null"), requireNonNull(v, () -> "attribute " + k + " is null")));
        return java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** Whether {@code text} is a trace id as records carry it: 32 lower-case hex digits. */
    public static boolean isTraceId(String text) {
        return isHex(text, 32);
    }

    /** Whether {@code text} is a span id as records carry it: 16 lower-case hex digits. */
    public static boolean isSpanId(String text) {
        return isHex(text, 16);
    }

    private static boolean isHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
