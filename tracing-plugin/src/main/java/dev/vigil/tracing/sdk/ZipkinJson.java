package dev.vigil.tracing.sdk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.traces.SpanRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@link SpanRecord}s in Zipkin's v2 JSON model, as {@code POST /api/v2/spans} takes it and Zipkin's query API
 * returns it. The mapping follows OpenTelemetry's "OpenTelemetry to Zipkin" transformation:
 *
 * <ul>
 *   <li>{@code traceId} (32 hex digits), {@code id}, {@code parentId} (absent for a root span) and {@code name}, as
 *       they are. Zipkin lower-cases span and service names when it stores them; the names are not changed here.</li>
 *   <li>{@code kind}: {@code CLIENT}, {@code SERVER}, {@code PRODUCER} or {@code CONSUMER}; absent for internal and
 *       unspecified spans.</li>
 *   <li>{@code timestamp}: the start in epoch microseconds (rounded down); {@code duration}: the span's length in
 *       whole microseconds, at least 1.</li>
 *   <li>{@code localEndpoint}: {@code {"serviceName": service.name}}.</li>
 *   <li>{@code remoteEndpoint}, for client and producer spans only: from the first attribute present among
 *       {@code peer.service}, {@code server.address}, {@code net.peer.name}, {@code network.peer.address},
 *       {@code server.socket.domain}, {@code server.socket.address}, {@code net.sock.peer.name},
 *       {@code net.sock.peer.addr}, {@code peer.hostname}, {@code peer.address}, {@code db.name}. An IPv4 or IPv6
 *       literal goes to {@code ipv4} or {@code ipv6}, anything else to {@code serviceName}; the port attribute paired
 *       with the address ({@code server.port}, {@code network.peer.port}, ...) goes to {@code port}.</li>
 *   <li>{@code annotations}: one per event, in order, at the event's time; its value is the event name, or for an
 *       event with attributes {@code "name":{"key":"value",...}}.</li>
 *   <li>{@code tags}: the resource's attributes other than {@code service.name}, then the span's attributes (which
 *       win on the same key), {@code otel.scope.name} when the scope is named, {@code otel.status_code} ({@code OK}
 *       or {@code ERROR}) unless the status is unset, and {@code error} with the status message (possibly empty)
 *       for a failed span. An {@code error: false} attribute on a span that did not fail is left out, since Zipkin
 *       takes any {@code error} tag as a failure.</li>
 *   <li>Links have no place in Zipkin's model and are left out; so are {@code debug} and {@code shared}.</li>
 * </ul>
 * Absent and empty fields are omitted. Stateless and thread-safe.
 */
public final class ZipkinJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Remote endpoint attributes by rank. */
    private static final List<RemoteAddress> REMOTE_ENDPOINT = List.of(
            new RemoteAddress("peer.service", null),
            new RemoteAddress("server.address", "server.port"),
            new RemoteAddress("net.peer.name", "net.peer.port"),
            new RemoteAddress("network.peer.address", "network.peer.port"),
            new RemoteAddress("server.socket.domain", "server.socket.port"),
            new RemoteAddress("server.socket.address", "server.socket.port"),
            new RemoteAddress("net.sock.peer.name", "net.sock.peer.port"),
            new RemoteAddress("net.sock.peer.addr", "net.sock.peer.port"),
            new RemoteAddress("peer.hostname", null),
            new RemoteAddress("peer.address", null),
            new RemoteAddress("db.name", null));

    /** An attribute naming the remote side, and the attribute holding its port, if any. */
    private record RemoteAddress(String address, @Nullable String port) {}

    private ZipkinJson() {}

    /** {@code spans} as one JSON array of Zipkin v2 spans, in UTF-8: the body of {@code POST /api/v2/spans} and of {@code /api/v2/trace/{id}}. */
    public static byte[] write(List<SpanRecord> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + spans.size() * 256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeArray(json, spans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return out.toByteArray();
    }

    /** {@code traces} as a JSON array of arrays of Zipkin v2 spans, in UTF-8: the body of {@code /api/v2/traces}. */
    public static byte[] writeTraces(List<List<SpanRecord>> traces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (List<SpanRecord> trace : traces) {
                writeArray(json, trace);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return out.toByteArray();
    }

    /** {@code spans} as a JSON array written to {@code json}, for callers that stream a larger document. */
    public static void writeArray(JsonGenerator json, List<SpanRecord> spans) throws IOException {
        json.writeStartArray();
        for (SpanRecord span : spans) {
            writeSpan(json, span);
        }
        json.writeEndArray();
    }

    /** One span as a JSON object written to {@code json}. */
    public static void writeSpan(JsonGenerator json, SpanRecord span) throws IOException {
        json.writeStartObject();
        json.writeStringField("traceId", span.traceId());
        if (!span.isRoot()) {
            json.writeStringField("parentId", span.parentSpanId());
        }
        json.writeStringField("id", span.spanId());
        String kind = kind(span);
        if (kind != null) {
            json.writeStringField("kind", kind);
        }
        if (!span.name().isEmpty()) {
            json.writeStringField("name", span.name());
        }
        long startMicros = Math.floorDiv(span.startNanos(), 1000L);
        json.writeNumberField("timestamp", startMicros);
        json.writeNumberField("duration", Math.max(1, (span.endNanos() - span.startNanos()) / 1000L));
        json.writeObjectFieldStart("localEndpoint");
        json.writeStringField("serviceName", span.service());
        json.writeEndObject();
        if ("CLIENT".equals(kind) || "PRODUCER".equals(kind)) {
            writeRemoteEndpoint(json, span.attributes());
        }
        if (!span.events().isEmpty()) {
            json.writeArrayFieldStart("annotations");
            for (SpanRecord.Event event : span.events()) {
                json.writeStartObject();
                json.writeNumberField("timestamp", Math.floorDiv(event.timeNanos(), 1000L));
                json.writeStringField("value", annotation(event));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        Map<String, String> tags = tags(span);
        if (!tags.isEmpty()) {
            json.writeObjectFieldStart("tags");
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                json.writeStringField(tag.getKey(), tag.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static @Nullable String kind(SpanRecord span) {
        return switch (span.kind()) {
            case CLIENT -> "CLIENT";
            case SERVER -> "SERVER";
            case PRODUCER -> "PRODUCER";
            case CONSUMER -> "CONSUMER";
            case INTERNAL, UNSPECIFIED -> null;
        };
    }

    private static void writeRemoteEndpoint(JsonGenerator json, Map<String, String> attributes) throws IOException {
        for (RemoteAddress rank : REMOTE_ENDPOINT) {
            String address = attributes.get(rank.address());
            if (address == null || address.isEmpty()) {
                continue;
            }
            json.writeObjectFieldStart("remoteEndpoint");
            if (IPV4.matcher(address).matches()) {
                json.writeStringField("ipv4", address);
            } else if (IPV6.matcher(address).matches()) {
                json.writeStringField("ipv6", address);
            } else {
                json.writeStringField("serviceName", address);
            }
            String port = rank.port() == null ? null : attributes.get(rank.port());
            if (port != null) {
                try {
                    int p = Integer.parseInt(port);
                    if (p > 0 && p <= 65535) {
                        json.writeNumberField("port", p);
                    }
                } catch (NumberFormatException notAPort) {
                    // a malformed port attribute leaves the endpoint without a port rather than failing the export
                }
            }
            json.writeEndObject();
            return;
        }
    }

    private static String annotation(SpanRecord.Event event) {
        if (event.attributes().isEmpty()) {
            return event.name();
        }
        StringBuilder out = new StringBuilder();
        AttributeText.appendJsonString(out, event.name());
        out.append(":{");
        boolean first = true;
        for (Map.Entry<String, String> a : event.attributes().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            AttributeText.appendJsonString(out, a.getKey());
            out.append(':');
            AttributeText.appendJsonString(out, a.getValue());
        }
        return out.append('}').toString();
    }

    private static Map<String, String> tags(SpanRecord span) {
        Map<String, String> tags = new TreeMap<>(span.resource());
        tags.remove(LogRecord.SERVICE_NAME);
        tags.putAll(span.attributes());
        if (!span.scope().isEmpty()) {
            tags.put("otel.scope.name", span.scope());
        }
        switch (span.status().code()) {
            case UNSET -> {
                if ("false".equals(tags.get("error"))) {
                    tags.remove("error");
                }
            }
            case OK -> {
                tags.put("otel.status_code", "OK");
                if ("false".equals(tags.get("error"))) {
                    tags.remove("error");
                }
            }
            case ERROR -> {
                tags.put("otel.status_code", "ERROR");
                tags.put("error", span.status().message());
            }
        }
        return tags;
    }
}
