package dev.vigil.tracing.store;

import static dev.vigil.tracing.store.TestSpans.span;
import static dev.vigil.tracing.store.TestSpans.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.api.traces.TraceQuery.Operation;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreSearchTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestSpans.T0);

    private static List<TraceSearch> searches() {
        TraceSearch all = TraceSearch.between(time(0), time(4000), 20);
        List<TraceSearch> out = new ArrayList<>();
        out.add(all);
        out.add(TraceSearch.between(time(1000), time(1500), 30));
        out.add(all.withService("payment"));
        out.add(all.withService("größe").withOperation("render 日本語"));
        out.add(all.withService("nobody"));
        out.add(all.withOperation("SELECT orders"));
        out.add(all.withErrorsOnly());
        out.add(all.withService("cart").withErrorsOnly());
        out.add(all.withDuration(Duration.ofSeconds(1), null));
        out.add(all.withDuration(null, Duration.ofMillis(1)));
        out.add(all.withDuration(Duration.ofMillis(10), Duration.ofMillis(20)));
        out.add(all.withDuration(Duration.ofSeconds(100), null));
        out.add(all.withAttributes(List.of(LabelMatcher.equal("http.method", "GET"))));
        out.add(all.withAttributes(List.of(LabelMatcher.equal("http.method", "GET"), LabelMatcher.equal("user.id", "u3"))));
        out.add(all.withAttributes(List.of(LabelMatcher.equal("user.id", "u11"))));
        // a resource attribute counts; a span attribute of the same name hides it
        out.add(all.withAttributes(List.of(LabelMatcher.equal("host.name", "cart-1"))));
        out.add(all.withAttributes(List.of(LabelMatcher.equal("deployment.environment", "prod"))));
        out.add(all.withAttributes(List.of(LabelMatcher.equal("deployment.environment", "canary"))));
        out.add(all.withAttributes(List.of(LabelMatcher.equal("http.method", ""))));
        out.add(all.withAttributes(List.of(LabelMatcher.notEqual("http.method", "GET"))));
        out.add(all.withAttributes(List.of(LabelMatcher.regex("user.id", "u[0-2]"))));
        out.add(all.withAttributes(List.of(LabelMatcher.of(LabelMatcher.Type.NOT_REGEX, "service.name", "c.*"))));
        out.add(all.withService("checkout").withErrorsOnly().withDuration(Duration.ofMillis(1), Duration.ofSeconds(2))
                .withAttributes(List.of(LabelMatcher.equal("user.id", "u1"))));
        out.add(TraceSearch.between(time(2000), time(2000), 10));
        return out;
    }

    private static void checkEverySearch(TraceStore store, List<SpanRecord> stored) {
        for (TraceSearch s : searches()) {
            for (int limit : new int[] {1, 7, s.limit(), TraceSearch.MAX_LIMIT}) {
                TraceSearch search = new TraceSearch(s.from(), s.to(), s.service(), s.operation(), s.errorsOnly(),
                        s.minDuration(), s.maxDuration(), s.attributes(), limit);
                assertThat(store.search(search)).as("%s", search).isEqualTo(TestSpans.search(stored, search));
            }
        }
    }

    @Test
    void everyConditionFindsWhatTheSlowWayFinds() throws Exception {
        Random random = new Random(21);
        List<SpanRecord> stored = TestSpans.traces(random, 1500, 3600);
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            for (List<SpanRecord> batch : TestSpans.batches(random, stored, 80)) {
                store.accept(batch);
            }
            // every search finds something or nothing for a reason: the data has each kind of match
            assertThat(TestSpans.search(stored, searches().get(6))).hasSize(20);
            assertThat(TestSpans.search(stored, searches().get(11))).isEmpty();
            checkEverySearch(store, stored);
        }
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            checkEverySearch(store, stored);
        }
    }

    @Test
    void tracesComeNewestFirstByTheirEarliestSpan() throws Exception {
        String longTrace = "00000000000000000000000000000001";
        String shortTrace = "00000000000000000000000000000002";
        String tie = "00000000000000000000000000000003";
        List<SpanRecord> spans = List.of(
                // starts at 10, and its matching span (a child) starts late, at 50
                span(longTrace, "0000000000000001", "", "cart", "GET /cart", 10, 45, false, Map.of()),
                span(longTrace, "0000000000000002", "0000000000000001", "payment", "POST /pay", 50, 1, true, Map.of()),
                // starts at 20, its matching span at 21
                span(shortTrace, "0000000000000003", "", "cart", "GET /cart", 20, 2, false, Map.of()),
                span(shortTrace, "0000000000000004", "0000000000000003", "payment", "POST /pay", 21, 1, true, Map.of()),
                // starts at 20 too: ties go by trace id
                span(tie, "0000000000000005", "", "payment", "POST /pay", 20, 1, true, Map.of()));
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(spans.subList(2, 5));
            store.accept(spans.subList(0, 2));
            TraceSearch errors = TraceSearch.between(time(0), time(100), 10).withErrorsOnly();
            List<TraceSummary> found = store.search(errors);
            assertThat(found).extracting(TraceSummary::traceId).containsExactly(shortTrace, tie, longTrace);
            assertThat(found.get(2)).isEqualTo(new TraceSummary(longTrace, "cart", "GET /cart", time(10), Duration.ofSeconds(45),
                    2, 1, Set.of("cart", "payment")));
            assertThat(store.search(new TraceSearch(errors.from(), errors.to(), errors.service(), errors.operation(), true,
                    errors.minDuration(), errors.maxDuration(), List.of(), 2))).extracting(TraceSummary::traceId)
                    .containsExactly(shortTrace, tie);
            // the time range applies to the matching span, not to the trace
            assertThat(store.search(TraceSearch.between(time(49), time(51), 10))).extracting(TraceSummary::traceId)
                    .containsExactly(longTrace);
        }
    }

    @Test
    void aTraceWithoutItsRootIsSummarisedByItsEarliestSpan() throws Exception {
        String id = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(List.of(span(id, "0000000000000002", "0000000000000001", "payment", "POST /pay", 3, 1, false, Map.of()),
                    span(id, "0000000000000003", "0000000000000001", "cart", "GET /cart", 2, 3, false, Map.of())));
            assertThat(store.search(TraceSearch.between(time(0), time(10), 10))).containsExactly(new TraceSummary(id, "cart",
                    "GET /cart", time(2), Duration.ofSeconds(3), 2, 0, Set.of("cart", "payment")));
        }
    }

    @Test
    void servicesAndOperationsInATimeRange() throws Exception {
        String id = "4bf92f3577b34da6a3ce929d0e0e4736";
        SpanRecord client = new SpanRecord(id, "0000000000000009", "", "GET /cart", SpanKind.CLIENT, TestSpans.nanos(5),
                TestSpans.nanos(6), SpanStatus.UNSET, TestSpans.resource("cart", 0), "", Map.of(), List.of(), List.of());
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(store.services(time(0), time(1000))).isEmpty();
            store.accept(List.of(
                    span(id, "0000000000000001", "", "cart", "GET /cart", 0, 1, false, Map.of()),
                    span(id, "0000000000000002", "", "cart", "GET /cart", 100, 1, false, Map.of()),
                    span(id, "0000000000000003", "", "payment", "POST /pay", 30, 1, false, Map.of()),
                    span(id, "0000000000000004", "", "cart", "checkout", 70, 1, false, Map.of()),
                    client));
            assertThat(store.services(time(0), time(1000))).containsExactly("cart", "payment");
            // by name, then by kind in the order of SpanKind
            assertThat(store.operations("cart", time(0), time(1000))).containsExactly(new Operation("GET /cart", SpanKind.SERVER),
                    new Operation("GET /cart", SpanKind.CLIENT), new Operation("checkout", SpanKind.SERVER));
            assertThat(store.operations("nobody", time(0), time(1000))).isEmpty();
            // GET /cart started at 0, 5 and 100 only: a range between them has none, though its block's range covers it
            assertThat(store.services(time(40), time(60))).isEmpty();
            assertThat(store.services(time(20), time(60))).containsExactly("payment");
            assertThat(store.operations("cart", time(40), time(80))).containsExactly(new Operation("checkout", SpanKind.SERVER));
            assertThat(store.operations("cart", time(40), time(100))).containsExactly(new Operation("checkout", SpanKind.SERVER));
            assertThat(store.operations("cart", time(40), time(100.5))).containsExactly(
                    new Operation("GET /cart", SpanKind.SERVER), new Operation("checkout", SpanKind.SERVER));
            store.accept(List.of(span(id, "0000000000000005", "", "cart", "GET /cart", 50, 1, false, Map.of())));
            assertThat(store.services(time(40), time(60))).containsExactly("cart");
        }
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(store.services(time(40), time(60))).containsExactly("cart");
            assertThat(store.services(time(41), time(49))).isEmpty();
            assertThat(store.operations("cart", time(0), time(1000))).hasSize(3);
        }
    }

    @Test
    void servicesOfManyBlocksMatchTheSpans() throws Exception {
        Random random = new Random(4);
        List<SpanRecord> stored = TestSpans.traces(random, 800, 3600);
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 8 * 1024)) {
            for (List<SpanRecord> batch : TestSpans.batches(random, stored, 40)) {
                store.accept(batch);
            }
            for (int k = 0; k < 30; k++) {
                double from = random.nextDouble() * 3600;
                double to = from + random.nextDouble() * (k < 15 ? 5 : 600);
                Set<String> services = new java.util.TreeSet<>();
                Set<Operation> cart = new HashSet<>();
                for (SpanRecord s : stored) {
                    if (s.startNanos() >= TestSpans.nanos(from) && s.startNanos() < TestSpans.nanos(to)) {
                        services.add(s.service());
                        if (s.service().equals("cart")) {
                            cart.add(new Operation(s.name(), s.kind()));
                        }
                    }
                }
                Instant a = TestSpans.T0.plusNanos(TestSpans.nanos(from) - TestSpans.T0_NANOS);
                Instant b = TestSpans.T0.plusNanos(TestSpans.nanos(to) - TestSpans.T0_NANOS);
                assertThat(store.services(a, b)).as("%s to %s", from, to).containsExactlyElementsOf(services);
                assertThat(store.operations("cart", a, b)).as("%s to %s", from, to).containsExactlyInAnyOrderElementsOf(cart);
            }
        }
    }

    @Test
    void scanHandsOverEverySpanStartedInTheRange() throws Exception {
        Random random = new Random(8);
        List<SpanRecord> stored = TestSpans.traces(random, 500, 1000);
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            for (List<SpanRecord> batch : TestSpans.batches(random, stored, 60)) {
                store.accept(batch);
            }
            List<SpanRecord> scanned = new ArrayList<>();
            store.scan(time(200), time(300), scanned::add);
            assertThat(scanned).containsExactlyInAnyOrderElementsOf(stored.stream()
                    .filter(s -> s.startNanos() >= TestSpans.nanos(200) && s.startNanos() < TestSpans.nanos(300)).toList());
            List<SpanRecord> everything = new ArrayList<>();
            store.scan(Instant.EPOCH, Instant.MAX, everything::add);
            assertThat(everything).containsExactlyInAnyOrderElementsOf(stored);
        }
    }
}
