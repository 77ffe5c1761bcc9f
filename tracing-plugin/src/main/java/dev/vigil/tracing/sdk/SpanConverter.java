package dev.vigil.tracing.sdk;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the OpenTelemetry SDK's finished spans into {@link SpanRecord}s, the platform's span model.
 *
 * <p>Attribute values become text as the OTLP receiver writes them ({@link dev.vigil.otlp.AnyValues}), so a span
 * reads the same whichever way it arrived. A parent that is not a valid span context makes a root span. An end
 * before the start (possible only with explicit timestamps) is taken as the start. The instrumentation scope's
 * version and schema URL, trace state and the dropped counts have no place in the model and are left out.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpanConverter {

    private SpanConverter() {}

    /** {@code spans} as records, in the same order. */
    public static List<SpanRecord> convert(Collection<SpanData> spans) {
        List<SpanRecord> out = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            out.add(convert(span));
        }
        return out;
    }

    /** One span as a record. */
    public static SpanRecord convert(SpanData span) {
        SpanContext parent = span.getParentSpanContext();
        long start = span.getStartEpochNanos();
        return new SpanRecord(span.getTraceId(), span.getSpanId(), parent.isValid() ? parent.getSpanId() : "", span.getName(),
                kind(span.getKind()), start, Math.max(start, span.getEndEpochNanos()), status(span.getStatus()),
                AttributeText.toMap(span.getResource().getAttributes()), span.getInstrumentationScopeInfo().getName(),
                AttributeText.toMap(span.getAttributes()), events(span.getEvents()), links(span.getLinks()));
    }

    /** The platform's kind for an OpenTelemetry kind. */
    public static SpanKind kind(io.opentelemetry.api.trace.SpanKind kind) {
        return switch (kind) {
            case INTERNAL -> SpanKind.INTERNAL;
            case SERVER -> SpanKind.SERVER;
            case CLIENT -> SpanKind.CLIENT;
            case PRODUCER -> SpanKind.PRODUCER;
            case CONSUMER -> SpanKind.CONSUMER;
        };
    }

    private static SpanStatus status(StatusData status) {
        return switch (status.getStatusCode()) {
            case UNSET -> SpanStatus.UNSET;
            case OK -> new SpanStatus(SpanStatus.Code.OK, "");
            // only an error carries a description, as the API specifies
            case ERROR -> new SpanStatus(SpanStatus.Code.ERROR, status.getDescription());
        };
    }

    private static List<SpanRecord.Event> events(List<EventData> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<SpanRecord.Event> out = new ArrayList<>(events.size());
        for (EventData e : events) {
            out.add(new SpanRecord.Event(e.getEpochNanos(), e.getName(), AttributeText.toMap(e.getAttributes())));
        }
        return out;
    }

    private static List<SpanRecord.Link> links(List<LinkData> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        List<SpanRecord.Link> out = new ArrayList<>(links.size());
        for (LinkData link : links) {
            SpanContext context = link.getSpanContext();
            out.add(new SpanRecord.Link(context.getTraceId(), context.getSpanId(), AttributeText.toMap(link.getAttributes())));
        }
        return out;
    }
}
