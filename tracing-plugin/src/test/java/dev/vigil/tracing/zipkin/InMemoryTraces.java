package dev.vigil.tracing.zipkin;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import dev.vigil.tracing.SpanSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A trace store in a list, for tests of what reads and writes through the SPI. Thread-safe. */
final class InMemoryTraces implements TraceQuery, SpanSink {

    private final List<SpanRecord> spans = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    /** Makes every write fail as a full disk would, or work again. */
    void down(boolean down) {
        this.down = down;
    }

    /** Every span stored, in the order stored. */
    List<SpanRecord> all() {
        return List.copyOf(spans);
    }

    @Override
    public void accept(List<SpanRecord> batch) {
        if (down) {
            throw new UncheckedIOException(new IOException("disk full"));
        }
        spans.addAll(batch);
    }

    @Override
    public List<SpanRecord> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).sorted(Comparator.comparingLong(SpanRecord::startNanos)).toList();
    }

    @Override
    public List<TraceSummary> search(TraceSearch search) {
        Map<String, List<SpanRecord>> byTrace = new LinkedHashMap<>();
        for (SpanRecord span : spans) {
            byTrace.computeIfAbsent(span.traceId(), t -> new ArrayList<>()).add(span);
        }
        List<TraceSummary> found = new ArrayList<>();
        for (List<SpanRecord> trace : byTrace.values()) {
            if (trace.stream().anyMatch(search::test)) {
                found.add(summary(trace));
            }
        }
        found.sort(Comparator.comparing(TraceSummary::start).reversed());
        return found.subList(0, Math.min(found.size(), search.limit()));
    }

    @Override
    public List<String> services(Instant from, Instant to) {
        Set<String> services = new TreeSet<>();
        scan(from, to, s -> services.add(s.service()));
        return List.copyOf(services);
    }

    @Override
    public List<Operation> operations(String service, Instant from, Instant to) {
        Set<Operation> operations = new TreeSet<>(Comparator.comparing(Operation::name).thenComparing(Operation::kind));
        scan(from, to, s -> {
            if (s.service().equals(service)) {
                operations.add(new Operation(s.name(), s.kind()));
            }
        });
        return List.copyOf(operations);
    }

    @Override
    public void scan(Instant from, Instant to, Consumer<SpanRecord> consumer) {
        for (SpanRecord span : spans) {
            Instant start = Instant.EPOCH.plusNanos(span.startNanos());
            if (!start.isBefore(from) && !start.isAfter(to)) {
                consumer.accept(span);
            }
        }
    }

    private static TraceSummary summary(List<SpanRecord> trace) {
        SpanRecord first = trace.stream().min(Comparator.comparingLong(SpanRecord::startNanos)).orElseThrow();
        SpanRecord root = trace.stream().filter(SpanRecord::isRoot).findFirst().orElse(first);
        long end = trace.stream().mapToLong(SpanRecord::endNanos).max().orElseThrow();
        Set<String> services = new TreeSet<>();
        trace.forEach(s -> services.add(s.service()));
        return new TraceSummary(first.traceId(), root.service(), root.name(), Instant.EPOCH.plusNanos(first.startNanos()),
                Duration.ofNanos(end - first.startNanos()), trace.size(), (int) trace.stream().filter(s -> s.status().isError()).count(),
                services);
    }
}
