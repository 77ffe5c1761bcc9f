package dev.vigil.tracing.zipkin;

import static dev.vigil.tracing.zipkin.ZipkinConventions.DEBUG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.ERROR_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.LOCAL_ADDRESS;
import static dev.vigil.tracing.zipkin.ZipkinConventions.LOCAL_PORT;
import static dev.vigil.tracing.zipkin.ZipkinConventions.PEER_ADDRESS;
import static dev.vigil.tracing.zipkin.ZipkinConventions.PEER_PORT;
import static dev.vigil.tracing.zipkin.ZipkinConventions.PEER_SERVICE;
import static dev.vigil.tracing.zipkin.ZipkinConventions.SCOPE_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.SHARED;
import static dev.vigil.tracing.zipkin.ZipkinConventions.STATUS_CODE_TAG;

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
import org.jspecify.annotations.Nullable;

/**
 * Writes {@link SpanRecord}s as Zipkin's v2 JSON, the mapping of {@link ZipkinSpanReader} run backwards, so that a
 * Zipkin span read and written again comes out as it went in (up to the order of tags and of the fields of an
 * endpoint).
 *
 * <p>What Zipkin's model has no field for: {@link dev.vigil.api.traces.SpanKind#INTERNAL} and
 * {@code UNSPECIFIED} spans are written without a kind; a status of OK is the tag {@code otel.status_code=OK}, an error
 * the tag {@code error} with the status message; the scope is the tag {@code otel.scope.name}; the resource's
 * attributes other than {@code service.name} are tags too (a span attribute of the same name wins), so a reader sees
 * them where Zipkin shows context; links are left out. Times are written in whole microseconds: the timestamp is the
 * start rounded down and a span that lasted any time at all has a duration of at least one microsecond.
 *
 * <p>Stateless and thread-safe.
 */
public final class ZipkinSpanWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private ZipkinSpanWriter() {}

    /** {@code spans} as a Zipkin list of spans, {@code [{...},...]}. */
    public static byte[] writeList(List<SpanRecord> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * Math.max(1, spans.size()));
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeList(json, spans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spans to memory", e);
        }
        return out.toByteArray();
    }

    /** {@code traces} as Zipkin's list of traces, each a list of spans: {@code [[{...},...],...]}. */
    public static byte[] writeTraces(List<List<SpanRecord>> traces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (List<SpanRecord> trace : traces) {
                writeList(json, trace);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write traces to memory", e);
        }
        return out.toByteArray();
    }

    private static void writeList(JsonGenerator json, List<SpanRecord> spans) throws IOException {
        json.writeStartArray();
        for (SpanRecord span : spans) {
            write(json, span);
        }
        json.writeEndArray();
    }

    /** Writes one span as a Zipkin v2 JSON object. */
    public static void write(JsonGenerator json, SpanRecord span) throws IOException {
        Map<String, String> tags = tags(span);
        json.writeStartObject();
        json.writeStringField("traceId", ZipkinIds.toZipkin(span.traceId()));
        if (!span.parentSpanId().isEmpty()) {
            json.writeStringField("parentId", span.parentSpanId());
        }
        json.writeStringField("id", span.spanId());
        @Nullable String kind = switch (span.kind()) {
            case CLIENT, SERVER, PRODUCER, CONSUMER -> span.kind().name();
            case INTERNAL, UNSPECIFIED -> null;
        };
        if (kind != null) {
            json.writeStringField("kind", kind);
        }
        if (!span.name().isEmpty()) {
            json.writeStringField("name", span.name());
        }
        long start = Math.floorDiv(span.startNanos(), 1000L);
        if (start > 0) {
            json.writeNumberField("timestamp", start);
        }
        if (span.endNanos() > span.startNanos()) {
            json.writeNumberField("duration", Math.max(1L, Math.floorDiv(span.endNanos(), 1000L) - start));
        }
        writeEndpoint(json, "localEndpoint", span.resource().get(LogRecord.SERVICE_NAME), tags, LOCAL_ADDRESS, LOCAL_PORT);
        writeEndpoint(json, "remoteEndpoint", tags.remove(PEER_SERVICE), tags, PEER_ADDRESS, PEER_PORT);
        if (!span.events().isEmpty()) {
            json.writeArrayFieldStart("annotations");
            for (SpanRecord.Event event : span.events()) {
                json.writeStartObject();
                json.writeNumberField("timestamp", Math.floorDiv(event.timeNanos(), 1000L));
                json.writeStringField("value", AnnotationEvents.toValue(event));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        boolean shared = "true".equals(tags.get(SHARED)) && tags.remove(SHARED) != null;
        boolean debug = "true".equals(tags.get(DEBUG)) && tags.remove(DEBUG) != null;
        if (!tags.isEmpty()) {
            json.writeObjectFieldStart("tags");
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                json.writeStringField(tag.getKey(), tag.getValue());
            }
            json.writeEndObject();
        }
        if (debug) {
            json.writeBooleanField("debug", true);
        }
        if (shared) {
            json.writeBooleanField("shared", true);
        }
        json.writeEndObject();
    }

    /** The tags before the endpoints take theirs out: resource, then span attributes, then status and scope. */
    private static Map<String, String> tags(SpanRecord span) {
        Map<String, String> tags = new TreeMap<>();
        for (Map.Entry<String, String> attribute : span.resource().entrySet()) {
            if (!attribute.getKey().equals(LogRecord.SERVICE_NAME)) {
                tags.put(attribute.getKey(), attribute.getValue());
            }
        }
        tags.putAll(span.attributes());
        switch (span.status().code()) {
            case OK -> tags.put(STATUS_CODE_TAG, "OK");
            case ERROR -> tags.put(ERROR_TAG, span.status().message());
            case UNSET -> { }
        }
        if (!span.scope().isEmpty()) {
            tags.put(SCOPE_TAG, span.scope());
        }
        return tags;
    }

    /** Writes an endpoint from the service name and the address and port tags it takes out of {@code tags}, if any. */
    private static void writeEndpoint(JsonGenerator json, String field, @Nullable String serviceName, Map<String, String> tags,
            String addressKey, String portKey) throws IOException {
        String address = tags.get(addressKey);
        String ipField = address == null ? null : IpLiterals.isIpv4(address) ? "ipv4" : IpLiterals.isIpv6(address) ? "ipv6" : null;
        int port = port(tags.get(portKey));
        boolean hasService = serviceName != null && !serviceName.isEmpty();
        if (!hasService && ipField == null && port == 0) {
            return;
        }
        json.writeObjectFieldStart(field);
        if (hasService) {
            json.writeStringField("serviceName", serviceName);
        }
        if (ipField != null) {
            json.writeStringField(ipField, tags.remove(addressKey));
        }
        if (port > 0) {
            tags.remove(portKey);
            json.writeNumberField("port", port);
        }
        json.writeEndObject();
    }

    /** A port number from its text, or 0 when it is not one (it then stays a tag). */
    private static int port(@Nullable String text) {
        if (text == null || text.isEmpty() || text.length() > 5) {
            return 0;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 0xffff ? port : 0;
    }
}
