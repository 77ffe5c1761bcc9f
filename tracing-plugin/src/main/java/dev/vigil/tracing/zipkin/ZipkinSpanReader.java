package dev.vigil.tracing.zipkin;

import static dev.vigil.tracing.zipkin.ZipkinConventions.DEBUG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.ERROR_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.LEGACY_SCOPE_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.LOCAL_ADDRESS;
import static dev.vigil.tracing.zipkin.ZipkinConventions.LOCAL_PORT;
import static dev.vigil.tracing.zipkin.ZipkinConventions.PEER_ADDRESS;
import static dev.vigil.tracing.zipkin.ZipkinConventions.PEER_PORT;
import static dev.vigil.tracing.zipkin.ZipkinConventions.PEER_SERVICE;
import static dev.vigil.tracing.zipkin.ZipkinConventions.SCOPE_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.SHARED;
import static dev.vigil.tracing.zipkin.ZipkinConventions.STATUS_CODE_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.STATUS_DESCRIPTION_TAG;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Zipkin's v2 JSON (a list of spans) into {@link SpanRecord}s: the inverse of {@link ZipkinSpanWriter}.
 *
 * <p>The mapping, field by field:
 * <ul>
 *   <li>{@code traceId} (1 to 32 hex digits) is padded to 32 with leading zeros; {@code id} and {@code parentId} (1 to
 *       16) to 16; an all-zero {@code parentId} means no parent. Ids must be lower-case hex, as Zipkin requires.
 *   <li>{@code kind} {@code CLIENT}, {@code SERVER}, {@code PRODUCER}, {@code CONSUMER} are the same kinds; no kind (a
 *       local span) is {@link SpanKind#INTERNAL}.
 *   <li>{@code name} is the name ({@code ""} when absent); it is not lower-cased.
 *   <li>{@code timestamp} and {@code duration} (microseconds) give the start and the end. Without a timestamp the span
 *       starts at its earliest annotation, else when it was received; without a duration it ends when it starts.
 *   <li>{@code localEndpoint.serviceName} is the resource's {@code service.name}; its address and port are the
 *       attributes {@code network.local.address} and {@code network.local.port}. {@code remoteEndpoint}'s service
 *       name, address and port are {@code peer.service}, {@code network.peer.address} and {@code network.peer.port}.
 *       An endpoint's {@code ipv4} wins over its {@code ipv6}.
 *   <li>{@code annotations} are events at their time; an annotation written as {@code "name":{...}} (as OpenTelemetry's
 *       Zipkin exporters write events) is the event {@code name} with the object's members as attributes.
 *   <li>{@code tags} are attributes, except: an {@code error} tag makes the status an error with the tag's value as
 *       message; {@code otel.status_code} {@code OK} or {@code ERROR} (with {@code otel.status_description}) is the
 *       status; {@code otel.scope.name} (or {@code otel.library.name}) is the scope.
 *   <li>{@code shared: true} and {@code debug: true} are the attributes {@code zipkin.shared} and {@code zipkin.debug}
 *       set to {@code true}.
 * </ul>
 *
 * <p>A body that is not such a list is refused whole, with a message in the form Zipkin gives, such as
 * {@code Malformed reading List<Span> from json}. Stateless and thread-safe.
 */
public final class ZipkinSpanReader {

    private static final String READING = " reading List<Span> from json";
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private ZipkinSpanReader() {}

    /**
     * The spans in {@code json}: an empty list for an empty body or {@code []}.
     *
     * @param receivedNanos when the spans were received, the start of a span with no time of its own
     * @throws IllegalArgumentException if the body is not a list of valid Zipkin v2 spans, saying where
     */
    public static List<SpanRecord> readList(byte[] json, long receivedNanos) {
        List<SpanRecord> spans = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return spans;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("Expected a JSON_V2 encoded list");
            }
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("Expected a span object at $[" + index + "]" + READING);
                }
                spans.add(readSpan(parser, "$[" + index + "]").toRecord(receivedNanos));
                index++;
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Malformed" + READING);
            }
            return spans;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed" + READING, e);
        } catch (IOException e) {
            // the parser reads from memory: only a malformed document can fail it
            throw new UncheckedIOException(e);
        }
    }

    private static RawSpan readSpan(JsonParser parser, String path) throws IOException {
        RawSpan span = new RawSpan(path);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "traceId" -> span.traceId = string(parser, path, field);
                case "id" -> span.id = string(parser, path, field);
                case "parentId" -> span.parentId = string(parser, path, field);
                case "kind" -> span.kind = kind(string(parser, path, field), path);
                case "name" -> span.name = string(parser, path, field);
                case "timestamp" -> span.timestamp = micros(parser, path, field);
                case "duration" -> span.duration = micros(parser, path, field);
                case "localEndpoint" -> span.local = endpoint(parser, path + "." + field);
                case "remoteEndpoint" -> span.remote = endpoint(parser, path + "." + field);
                case "annotations" -> readAnnotations(parser, span, path + ".annotations");
                case "tags" -> readTags(parser, span, path + ".tags");
                case "debug" -> span.debug = bool(parser, path, field);
                case "shared" -> span.shared = bool(parser, path, field);
                // a v1 span sent to the v2 endpoint would otherwise lose its tags without a word
                case "binaryAnnotations" -> throw new IllegalArgumentException("Expected a JSON_V2 encoded list, but received: JSON_V1");
                default -> parser.skipChildren();
            }
        }
        return span;
    }

    private static void readAnnotations(JsonParser parser, RawSpan span, String path) throws IOException {
        expect(parser, JsonToken.START_ARRAY, path);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String at = path + "[" + index++ + "]";
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw invalid(at + " is not an object");
            }
            Long timestamp = null;
            String value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (field.equals("timestamp")) {
                    timestamp = micros(parser, at, field);
                } else if (field.equals("value")) {
                    value = string(parser, at, field);
                } else {
                    parser.skipChildren();
                }
            }
            if (timestamp == null || value == null) {
                throw invalid("Incomplete annotation at " + at);
            }
            span.annotationTimes.add(timestamp);
            span.annotationValues.add(value);
        }
    }

    private static void readTags(JsonParser parser, RawSpan span, String path) throws IOException {
        expect(parser, JsonToken.START_OBJECT, path);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING || value.isNumeric() || value.isBoolean()) {
                span.tags.put(key, parser.getText());
            } else if (value == JsonToken.VALUE_NULL) {
                throw invalid("No value at " + path + "." + key);
            } else {
                throw invalid(path + "." + key + " is not a string");
            }
        }
    }

    private static @Nullable Endpoint endpoint(JsonParser parser, String path) throws IOException {
        expect(parser, JsonToken.START_OBJECT, path);
        Endpoint endpoint = new Endpoint();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "serviceName" -> endpoint.serviceName = string(parser, path, field);
                // as Zipkin does, an address that is not an IP literal is left out rather than failing the span
                case "ipv4" -> {
                    String ip = string(parser, path, field);
                    if (IpLiterals.isIpv4(ip)) {
                        endpoint.ipv4 = ip;
                    }
                }
                case "ipv6" -> {
                    String ip = string(parser, path, field);
                    if (IpLiterals.isIpv6(ip)) {
                        endpoint.ipv6 = ip;
                    }
                }
                case "port" -> {
                    if (!value.isNumeric()) {
                        throw invalid(path + ".port is not a number");
                    }
                    int port = parser.getIntValue();
                    if (port < 0 || port > 0xffff) {
                        throw invalid("invalid port " + port + " at " + path);
                    }
                    endpoint.port = port;
                }
                default -> parser.skipChildren();
            }
        }
        return endpoint;
    }

    private static String string(JsonParser parser, String path, String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw invalid(path + "." + field + " is not a string");
        }
        return parser.getText();
    }

    private static long micros(JsonParser parser, String path, String field) throws IOException {
        long value;
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            value = parser.getLongValue();
        } else if (parser.currentToken() == JsonToken.VALUE_STRING) {
            // some tracers quote 64-bit numbers so that JavaScript readers keep every digit
            try {
                value = Long.parseLong(parser.getText());
            } catch (NumberFormatException e) {
                throw invalid(path + "." + field + " is not a whole number");
            }
        } else {
            throw invalid(path + "." + field + " is not a whole number");
        }
        if (value < 0) {
            throw invalid(path + "." + field + " is negative");
        }
        return value;
    }

    private static boolean bool(JsonParser parser, String path, String field) throws IOException {
        if (!parser.currentToken().isBoolean()) {
            throw invalid(path + "." + field + " is not true or false");
        }
        return parser.getBooleanValue();
    }

    private static SpanKind kind(String kind, String path) {
        return switch (kind) {
            case "CLIENT" -> SpanKind.CLIENT;
            case "SERVER" -> SpanKind.SERVER;
            case "PRODUCER" -> SpanKind.PRODUCER;
            case "CONSUMER" -> SpanKind.CONSUMER;
            default -> throw invalid(path + ".kind " + kind + " is not one of CLIENT, SERVER, PRODUCER, CONSUMER");
        };
    }

    private static void expect(JsonParser parser, JsonToken token, String path) {
        if (parser.currentToken() != token) {
            throw invalid(path + " is not " + (token == JsonToken.START_ARRAY ? "a list" : "an object"));
        }
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException(reason + READING);
    }

    /** One endpoint as sent. */
    private static final class Endpoint {
        @Nullable String serviceName;
        @Nullable String ipv4;
        @Nullable String ipv6;
        int port;

        @Nullable String address() {
            return ipv4 != null ? ipv4 : ipv6;
        }
    }

    /** One span as sent, before it is checked and mapped. */
    private static final class RawSpan {
        final String path;
        @Nullable String traceId;
        @Nullable String id;
        @Nullable String parentId;
        SpanKind kind = SpanKind.INTERNAL;
        String name = "";
        long timestamp;
        long duration;
        @Nullable Endpoint local;
        @Nullable Endpoint remote;
        final List<Long> annotationTimes = new ArrayList<>();
        final List<String> annotationValues = new ArrayList<>();
        final Map<String, String> tags = new HashMap<>();
        boolean debug;
        boolean shared;

        RawSpan(String path) {
            this.path = path;
        }

        SpanRecord toRecord(long receivedNanos) {
            if (traceId == null || id == null) {
                throw invalid("Missing " + (traceId == null ? "traceId" : "id") + " at " + path);
            }
            String trace;
            String span;
            String parent;
            try {
                trace = ZipkinIds.traceId("traceId", traceId);
                span = ZipkinIds.spanId("id", id);
                parent = parentId == null ? "" : ZipkinIds.parentId(parentId);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage() + " at " + path);
            }
            long start = start(receivedNanos);
            long end = start + nanos(duration, "duration");
            if (end < start) {
                throw invalid(path + ".duration ends the span past the year 2262");
            }
            SpanStatus status = status();
            String scope = scope();
            Map<String, String> attributes = new HashMap<>(tags);
            endpointAttributes(attributes);
            Map<String, String> resource = local != null && local.serviceName != null && !local.serviceName.isEmpty()
                    ? Map.of(LogRecord.SERVICE_NAME, local.serviceName) : Map.of();
            List<SpanRecord.Event> events = new ArrayList<>(annotationValues.size());
            for (int i = 0; i < annotationValues.size(); i++) {
                events.add(AnnotationEvents.toEvent(nanos(annotationTimes.get(i), "annotation timestamp"), annotationValues.get(i)));
            }
            return new SpanRecord(trace, span, parent, name, kind, start, end, status, resource, scope, attributes, events, List.of());
        }

        private long start(long receivedNanos) {
            if (timestamp > 0) {
                return nanos(timestamp, "timestamp");
            }
            long earliest = Long.MAX_VALUE;
            for (long t : annotationTimes) {
                earliest = Math.min(earliest, t);
            }
            return earliest == Long.MAX_VALUE ? receivedNanos : nanos(earliest, "annotation timestamp");
        }

        private long nanos(long micros, String field) {
            try {
                return Math.multiplyExact(micros, 1000L);
            } catch (ArithmeticException e) {
                throw invalid(path + " " + field + " is past the year 2262");
            }
        }

        /** Takes the tags that stand for the status out of {@link #tags}. */
        private SpanStatus status() {
            String error = tags.remove(ERROR_TAG);
            String code = tags.get(STATUS_CODE_TAG);
            if ("ERROR".equals(code) || "OK".equals(code)) {
                tags.remove(STATUS_CODE_TAG);
            }
            if (error != null) {
                return new SpanStatus(SpanStatus.Code.ERROR, error);
            }
            if ("ERROR".equals(code)) {
                String description = tags.remove(STATUS_DESCRIPTION_TAG);
                return new SpanStatus(SpanStatus.Code.ERROR, description == null ? "" : description);
            }
            return "OK".equals(code) ? new SpanStatus(SpanStatus.Code.OK, "") : SpanStatus.UNSET;
        }

        /** Takes the tag that names the scope out of {@link #tags}. */
        private String scope() {
            String scope = tags.remove(SCOPE_TAG);
            if (scope == null) {
                scope = tags.remove(LEGACY_SCOPE_TAG);
            }
            return scope == null ? "" : scope;
        }

        private void endpointAttributes(Map<String, String> attributes) {
            if (local != null) {
                putIfPresent(attributes, LOCAL_ADDRESS, local.address());
                if (local.port > 0) {
                    attributes.put(LOCAL_PORT, Integer.toString(local.port));
                }
            }
            if (remote != null) {
                if (remote.serviceName != null && !remote.serviceName.isEmpty()) {
                    attributes.put(PEER_SERVICE, remote.serviceName);
                }
                putIfPresent(attributes, PEER_ADDRESS, remote.address());
                if (remote.port > 0) {
                    attributes.put(PEER_PORT, Integer.toString(remote.port));
                }
            }
            if (shared) {
                attributes.put(SHARED, "true");
            }
            if (debug) {
                attributes.put(DEBUG, "true");
            }
        }

        private static void putIfPresent(Map<String, String> attributes, String key, @Nullable String value) {
            if (value != null) {
                attributes.put(key, value);
            }
        }
    }
}
