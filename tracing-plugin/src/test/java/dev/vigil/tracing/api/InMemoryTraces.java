package dev.vigil.tracing.api;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A {@link TraceQuery} over a list of spans, for tests of what reads traces. */
final class InMemoryTraces implements TraceQuery {

    private final List<SpanRecord> spans = new ArrayList<>();

    void add(List<SpanRecord> more) {
        spans.addAll(more);
    }

    private static Instant start(SpanRecord span) {
        return Instant.ofEpochSecond(0, span.startNanos());
    }

    @Override
    public List<SpanRecord> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).sorted(Comparator.comparingLong(SpanRecord::startNanos)).toList();
    }

    @Override
    public List<TraceSummary> search(TraceSearch search) {
        Map<String, List<SpanRecord>> byTrace = new LinkedHashMap<>();
        spans.forEach(s -> byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s));
        List<TraceSummary> out = new ArrayList<>();
        for (List<SpanRecord> trace : byTrace.values()) {
            if (trace.stream().noneMatch(search::test)) {
                continue;
            }
            SpanRecord first = trace.stream().min(Comparator.comparingLong(SpanRecord::startNanos)).orElseThrow();
            SpanRecord root = trace.stream().filter(SpanRecord::isRoot).findFirst().orElse(first);
            long end = trace.stream().mapToLong(SpanRecord::endNanos).max().orElseThrow();
            TreeSet<String> services = new TreeSet<>();
            trace.forEach(s -> services.add(s.service()));
            out.add(new TraceSummary(first.traceId(), root.service(), root.name(), start(first), Duration.ofNanos(end - first.startNanos()),
                    trace.size(), (int) trace.stream().filter(s -> s.status().isError()).count(), services));
        }
        out.sort(Comparator.comparing(TraceSummary::start).reversed());
        return out.subList(0, Math.min(out.size(), search.limit()));
    }

    @Override
    public List<String> services(Instant from, Instant to) {
        return spans.stream().filter(s -> !start(s).isBefore(from) && start(s).isBefore(to)).map(SpanRecord::service).distinct().sorted().toList();
    }

    @Override
    public List<Operation> operations(String service, Instant from, Instant to) {
        return spans.stream().filter(s -> s.service().equals(service) && !start(s).isBefore(from) && start(s).isBefore(to))
                .map(s -> new Operation(s.name(), s.kind())).distinct().sorted(Comparator.comparing(Operation::name)).toList();
    }

    @Override
    public void scan(Instant from, Instant to, Consumer<SpanRecord> consumer) {
        spans.stream().filter(s -> !start(s).isBefore(from) && start(s).isBefore(to)).forEach(consumer);
    }
}
