package dev.vigil.tracing.otlp;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.otlp.AnyValues;
import dev.vigil.otlp.OtlpEncoding;
import dev.vigil.otlp.OtlpRequestDecoder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OTLP spans as Vigil's {@link SpanRecord}s: ids in lower-case hex ({@link OtlpRequestDecoder#hexId}, which also undoes
 * the base64 reading of OTLP JSON's hex ids), attribute values as text ({@link AnyValues}), the resource's attributes
 * and the scope's name, events and links kept.
 *
 * <p>A span without a valid trace or span id, or that ends before it starts, cannot be stored: it is rejected on its
 * own and counted, as OTLP's partial success lets a receiver say, while the rest of the request is kept. A link
 * without valid ids is left out of its span. The scope's version, trace state, flags and dropped counts are not kept.
 * Stateless and thread-safe.
 */
final class SpansTranslator {

    /** What a request gave: the spans to store and those rejected. */
    record Translation(List<SpanRecord> spans, int rejected, @Nullable String firstRejection) {}

    Translation translate(ExportTraceServiceRequest request, OtlpEncoding encoding) {
        List<SpanRecord> out = new ArrayList<>();
        int rejected = 0;
        String firstRejection = null;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, String> resource = AnyValues.toMap(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                String scope = scopeSpans.getScope().getName();
                for (Span span : scopeSpans.getSpansList()) {
                    String problem = problem(span, encoding);
                    if (problem != null) {
                        rejected++;
                        if (firstRejection == null) {
                            firstRejection = problem;
                        }
                        continue;
                    }
                    out.add(translate(span, resource, scope, encoding));
                }
            }
        }
        return new Translation(out, rejected, firstRejection);
    }

    private static @Nullable String problem(Span span, OtlpEncoding encoding) {
        String spanId = OtlpRequestDecoder.hexId(span.getSpanId().toByteArray(), 8, encoding);
        if (spanId.isEmpty()) {
            return "a span without a valid span id (8 bytes, not all zero), named " + span.getName();
        }
        if (OtlpRequestDecoder.hexId(span.getTraceId().toByteArray(), 16, encoding).isEmpty()) {
            return "span " + spanId + " has no valid trace id (16 bytes, not all zero)";
        }
        // the fields are fixed64, read as signed: compare them as the unsigned nanoseconds they are
        if (Long.compareUnsigned(span.getEndTimeUnixNano(), span.getStartTimeUnixNano()) < 0) {
            return "span " + spanId + " ends before it starts";
        }
        if (span.getStartTimeUnixNano() < 0 || span.getEndTimeUnixNano() < 0) {
            return "span " + spanId + " has a time past the year 2262";
        }
        return null;
    }

    private static SpanRecord translate(Span span, Map<String, String> resource, String scope, OtlpEncoding encoding) {
        List<SpanRecord.Event> events = new ArrayList<>(span.getEventsCount());
        for (Span.Event event : span.getEventsList()) {
            events.add(new SpanRecord.Event(event.getTimeUnixNano(), event.getName(), AnyValues.toMap(event.getAttributesList())));
        }
        List<SpanRecord.Link> links = new ArrayList<>(span.getLinksCount());
        for (Span.Link link : span.getLinksList()) {
            String traceId = OtlpRequestDecoder.hexId(link.getTraceId().toByteArray(), 16, encoding);
            String spanId = OtlpRequestDecoder.hexId(link.getSpanId().toByteArray(), 8, encoding);
            if (!traceId.isEmpty() && !spanId.isEmpty()) {
                links.add(new SpanRecord.Link(traceId, spanId, AnyValues.toMap(link.getAttributesList())));
            }
        }
        return new SpanRecord(
                OtlpRequestDecoder.hexId(span.getTraceId().toByteArray(), 16, encoding),
                OtlpRequestDecoder.hexId(span.getSpanId().toByteArray(), 8, encoding),
                OtlpRequestDecoder.hexId(span.getParentSpanId().toByteArray(), 8, encoding),
                span.getName(),
                kind(span.getKind()),
                span.getStartTimeUnixNano(),
                span.getEndTimeUnixNano(),
                status(span.getStatus()),
                resource,
                scope,
                AnyValues.toMap(span.getAttributesList()),
                events,
                links);
    }

    private static SpanKind kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_INTERNAL -> SpanKind.INTERNAL;
            case SPAN_KIND_SERVER -> SpanKind.SERVER;
            case SPAN_KIND_CLIENT -> SpanKind.CLIENT;
            case SPAN_KIND_PRODUCER -> SpanKind.PRODUCER;
            case SPAN_KIND_CONSUMER -> SpanKind.CONSUMER;
            case SPAN_KIND_UNSPECIFIED, UNRECOGNIZED -> SpanKind.UNSPECIFIED;
        };
    }

    private static SpanStatus status(Status status) {
        return switch (status.getCode()) {
            case STATUS_CODE_OK -> new SpanStatus(SpanStatus.Code.OK, status.getMessage());
            case STATUS_CODE_ERROR -> new SpanStatus(SpanStatus.Code.ERROR, status.getMessage());
            // an unknown code from a newer sender reads as unset rather than failing the span
            case STATUS_CODE_UNSET, UNRECOGNIZED -> status.getMessage().isEmpty() ? SpanStatus.UNSET
                    : new SpanStatus(SpanStatus.Code.UNSET, status.getMessage());
        };
    }
}
