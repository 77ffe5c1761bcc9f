package dev.vigil.tracing.store;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Spans for tests, and what a store should answer, worked out the slow way. */
final class TestSpans {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final long T0_NANOS = Nanos.at(T0);
    static final String[] SERVICES = {"checkout", "payment", "cart", "größe"};
    static final String[] NAMES = {"GET /api/orders", "POST /api/pay", "SELECT orders", "publish", "render 日本語"};

    private TestSpans() {}

    static long nanos(double seconds) {
        return T0_NANOS + (long) (seconds * 1e9);
    }

    static Instant time(double seconds) {
        return T0.plusNanos((long) (seconds * 1e9));
    }

    static String randomTraceId(Random random) {
        // a few 64-bit ids, as older tracers send them: the high half is zero
        long hi = random.nextInt(8) == 0 ? 0 : random.nextLong();
        return String.format("%016x%016x", hi, random.nextLong());
    }

    static String randomSpanId(Random random) {
        return String.format("%016x", random.nextLong());
    }

    static Map<String, String> resource(String service, int host) {
        return Map.of(LogRecord.SERVICE_NAME, service, "host.name", service + "-" + host, "deployment.environment",
                host == 0 ? "prod" : "staging");
    }

    /** A plain span, for tests that set fields by hand. */
    static SpanRecord span(String traceId, String spanId, String parent, String service, String name, double startSeconds,
            double durationSeconds, boolean error, Map<String, String> attributes) {
        long start = nanos(startSeconds);
        return new SpanRecord(traceId, spanId, parent, name, SpanKind.SERVER, start, start + (long) (durationSeconds * 1e9),
                error ? new SpanStatus(SpanStatus.Code.ERROR, "boom") : SpanStatus.UNSET, resource(service, 0),
                "io.example", attributes, List.of(), List.of());
    }

    /**
     * {@code traces} random traces starting over {@code seconds} seconds: a root (missing from some) and up to seven
     * children in various services, with every field varied; every start is distinct.
     */
    static List<SpanRecord> traces(Random random, int traces, double seconds) {
        List<SpanRecord> out = new ArrayList<>();
        Set<Long> starts = new HashSet<>();
        for (int t = 0; t < traces; t++) {
            String traceId = randomTraceId(random);
            String rootId = randomSpanId(random);
            double traceStart = random.nextDouble() * seconds;
            int children = random.nextInt(8);
            boolean withRoot = random.nextInt(10) != 0;
            for (int c = -1; c < children; c++) {
                if (c < 0 && !withRoot) {
                    continue;
                }
                String service = SERVICES[random.nextInt(SERVICES.length)];
                double start = c < 0 ? traceStart : traceStart + random.nextDouble() * 0.5;
                long startNanos = nanos(start);
                while (!starts.add(startNanos)) {
                    startNanos++;
                }
                long duration = (long) (Math.pow(10, 5 + random.nextDouble() * 4.5));
                boolean error = random.nextInt(10) == 0;
                Map<String, String> attributes = new HashMap<>();
                if (random.nextBoolean()) {
                    attributes.put("http.method", random.nextBoolean() ? "GET" : "POST");
                }
                if (random.nextInt(3) > 0) {
                    attributes.put("user.id", "u" + random.nextInt(10));
                }
                if (random.nextInt(4) == 0) {
                    attributes.put("deployment.environment", "canary");
                }
                List<SpanRecord.Event> events = random.nextInt(4) == 0
                        ? List.of(new SpanRecord.Event(startNanos + 10, "exception", Map.of("exception.type", "java.io.IOException")))
                        : List.of();
                List<SpanRecord.Link> links = random.nextInt(6) == 0
                        ? List.of(new SpanRecord.Link(randomTraceId(random), randomSpanId(random), Map.of("kind", "follows")))
                        : List.of();
                SpanStatus status = error ? new SpanStatus(SpanStatus.Code.ERROR, random.nextBoolean() ? "timeout" : "")
                        : random.nextInt(5) == 0 ? new SpanStatus(SpanStatus.Code.OK, "") : SpanStatus.UNSET;
                out.add(new SpanRecord(traceId, c < 0 ? rootId : randomSpanId(random), c < 0 ? "" : rootId,
                        NAMES[random.nextInt(NAMES.length)], SpanKind.values()[random.nextInt(SpanKind.values().length)],
                        startNanos, startNanos + duration, status, resource(service, random.nextInt(2)),
                        random.nextBoolean() ? "io.opentelemetry.http" : "", attributes, events, links));
            }
        }
        return out;
    }

    /** {@code spans} shuffled and cut into batches of 1 to {@code max} spans: a trace comes in several. */
    static List<List<SpanRecord>> batches(Random random, List<SpanRecord> spans, int max) {
        List<SpanRecord> shuffled = new ArrayList<>(spans);
        Collections.shuffle(shuffled, random);
        List<List<SpanRecord>> out = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); ) {
            int n = Math.min(shuffled.size() - i, 1 + random.nextInt(max));
            out.add(List.copyOf(shuffled.subList(i, i + n)));
            i += n;
        }
        return out;
    }

    /** The spans of {@code traceId} in {@code stored}, earliest start first. */
    static List<SpanRecord> trace(List<SpanRecord> stored, String traceId) {
        return stored.stream().filter(s -> s.traceId().equals(traceId)).sorted(Comparator.comparingLong(SpanRecord::startNanos))
                .toList();
    }

    /** What {@code search} should find in {@code stored}. */
    static List<TraceSummary> search(List<SpanRecord> stored, TraceSearch search) {
        Map<String, List<SpanRecord>> byTrace = new LinkedHashMap<>();
        for (SpanRecord s : stored) {
            byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
        }
        List<TraceSummary> found = new ArrayList<>();
        for (List<SpanRecord> spans : byTrace.values()) {
            if (spans.stream().anyMatch(search::test)) {
                found.add(summary(spans));
            }
        }
        found.sort(Comparator.comparing(TraceSummary::start).reversed().thenComparing(TraceSummary::traceId));
        return found.subList(0, Math.min(found.size(), search.limit()));
    }

    static TraceSummary summary(List<SpanRecord> spans) {
        List<SpanRecord> sorted = spans.stream().sorted(Comparator.comparingLong(SpanRecord::startNanos)).toList();
        SpanRecord head = sorted.stream().filter(SpanRecord::isRoot).findFirst().orElse(sorted.get(0));
        long start = sorted.get(0).startNanos();
        long end = sorted.stream().mapToLong(SpanRecord::endNanos).max().orElseThrow();
        Set<String> services = new TreeSet<>();
        sorted.forEach(s -> services.add(s.service()));
        return new TraceSummary(head.traceId(), head.service(), head.name(), T0.plusNanos(start - T0_NANOS),
                Duration.ofNanos(end - start), sorted.size(), (int) sorted.stream().filter(s -> s.status().isError()).count(),
                services);
    }
}
