package dev.vigil.tracing.api;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spans and traces as the API writes them: maps that Jackson turns into JSON. */
final class TraceJson {

    private TraceJson() {}

    static String time(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    /** A span without its children. */
    static Map<String, Object> span(SpanRecord span) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traceId", span.traceId());
        out.put("spanId", span.spanId());
        out.put("parentSpanId", span.parentSpanId());
        out.put("service", span.service());
        out.put("name", span.name());
        out.put("kind", span.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("start", time(span.startNanos()));
        out.put("startUnixNano", Long.toString(span.startNanos()));
        out.put("durationMicros", (span.endNanos() - span.startNanos()) / 1_000);
        out.put("status", span.status().code().name().toLowerCase(java.util.Locale.ROOT));
        out.put("statusMessage", span.status().message());
        out.put("attributes", span.attributes());
        out.put("resource", span.resource());
        List<Map<String, Object>> events = new ArrayList<>();
        for (SpanRecord.Event e : span.events()) {
            events.add(Map.of("time", time(e.timeNanos()), "name", e.name(), "attributes", e.attributes()));
        }
        out.put("events", events);
        return out;
    }

    /**
     * A trace as a tree: its root spans (those whose parent is not in the trace) with their children nested under
     * {@code children}, each level by start time.
     */
    static List<Map<String, Object>> tree(List<SpanRecord> spans) {
        Set<String> ids = new HashSet<>();
        spans.forEach(s -> ids.add(s.spanId()));
        Map<String, List<SpanRecord>> children = new HashMap<>();
        List<SpanRecord> roots = new ArrayList<>();
        for (SpanRecord span : spans) {
            if (span.isRoot() || !ids.contains(span.parentSpanId())) {
                roots.add(span);
            } else {
                children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
            }
        }
        return nodes(roots, children);
    }

    private static List<Map<String, Object>> nodes(List<SpanRecord> spans, Map<String, List<SpanRecord>> children) {
        List<SpanRecord> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(SpanRecord::startNanos));
        List<Map<String, Object>> out = new ArrayList<>();
        for (SpanRecord span : sorted) {
            Map<String, Object> node = span(span);
            node.put("children", nodes(children.getOrDefault(span.spanId(), List.of()), children));
            out.add(node);
        }
        return out;
    }

    static Map<String, Object> summary(TraceSummary trace) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traceId", trace.traceId());
        out.put("rootService", trace.rootService());
        out.put("rootName", trace.rootName());
        out.put("start", trace.start().toString());
        out.put("durationMicros", trace.duration().toNanos() / 1_000);
        out.put("spans", trace.spans());
        out.put("errors", trace.errors());
        out.put("services", trace.services().stream().sorted().toList());
        return out;
    }
}
