package dev.vigil.benchmarks.traces;

import com.google.protobuf.ByteString;
import dev.vigil.api.traces.SpanRecord;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spans as the body of an OTLP/HTTP traces request, an {@code ExportTraceServiceRequest} in protobuf, grouped by
 * resource and then by scope as an SDK groups them. Attributes that OpenTelemetry's conventions type as integers
 * (status codes, ports, offsets, counts) go as integers, the rest as strings. Stateless.
 */
final class OtlpTraceBodies {

    private static final Set<String> INTEGER_KEYS = Set.of("http.response.status_code", "server.port", "network.peer.port",
            "messaging.kafka.offset", "app.candidates", "app.search.results");
    private static final HexFormat HEX = HexFormat.of();

    private OtlpTraceBodies() {}

    /** The request body carrying {@code spans}. */
    static byte[] encode(List<SpanRecord> spans) {
        Map<Map<String, String>, Map<String, ScopeSpans.Builder>> grouped = new LinkedHashMap<>();
        for (SpanRecord span : spans) {
            grouped.computeIfAbsent(span.resource(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(span.scope(), s -> ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName(s)))
                    .addSpans(span(span));
        }
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        for (Map.Entry<Map<String, String>, Map<String, ScopeSpans.Builder>> resource : grouped.entrySet()) {
            ResourceSpans.Builder resourceSpans = ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAllAttributes(attributes(resource.getKey())));
            resource.getValue().values().forEach(resourceSpans::addScopeSpans);
            request.addResourceSpans(resourceSpans);
        }
        return request.build().toByteArray();
    }

    private static Span span(SpanRecord span) {
        Span.Builder out = Span.newBuilder()
                .setTraceId(id(span.traceId()))
                .setSpanId(id(span.spanId()))
                .setName(span.name())
                .setKind(kind(span))
                .setStartTimeUnixNano(span.startNanos())
                .setEndTimeUnixNano(span.endNanos())
                .addAllAttributes(attributes(span.attributes()));
        if (!span.parentSpanId().isEmpty()) {
            out.setParentSpanId(id(span.parentSpanId()));
        }
        switch (span.status().code()) {
            case OK -> out.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
            case ERROR -> out.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(span.status().message()));
            case UNSET -> { }
        }
        for (SpanRecord.Event event : span.events()) {
            out.addEvents(Span.Event.newBuilder().setTimeUnixNano(event.timeNanos()).setName(event.name())
                    .addAllAttributes(attributes(event.attributes())));
        }
        for (SpanRecord.Link link : span.links()) {
            out.addLinks(Span.Link.newBuilder().setTraceId(id(link.traceId())).setSpanId(id(link.spanId()))
                    .addAllAttributes(attributes(link.attributes())));
        }
        return out.build();
    }

    private static Span.SpanKind kind(SpanRecord span) {
        return switch (span.kind()) {
            case UNSPECIFIED -> Span.SpanKind.SPAN_KIND_UNSPECIFIED;
            case INTERNAL -> Span.SpanKind.SPAN_KIND_INTERNAL;
            case SERVER -> Span.SpanKind.SPAN_KIND_SERVER;
            case CLIENT -> Span.SpanKind.SPAN_KIND_CLIENT;
            case PRODUCER -> Span.SpanKind.SPAN_KIND_PRODUCER;
            case CONSUMER -> Span.SpanKind.SPAN_KIND_CONSUMER;
        };
    }

    private static List<KeyValue> attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(a -> KeyValue.newBuilder().setKey(a.getKey()).setValue(value(a.getKey(), a.getValue())).build())
                .toList();
    }

    private static AnyValue value(String key, String value) {
        if (INTEGER_KEYS.contains(key)) {
            return AnyValue.newBuilder().setIntValue(Long.parseLong(value)).build();
        }
        return AnyValue.newBuilder().setStringValue(value).build();
    }

    private static ByteString id(String hex) {
        return ByteString.copyFrom(HEX.parseHex(hex));
    }
}
