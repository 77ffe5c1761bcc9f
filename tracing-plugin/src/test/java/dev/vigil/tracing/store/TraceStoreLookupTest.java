package dev.vigil.tracing.store;

import static dev.vigil.tracing.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.testkit.TestingClock;
import dev.vigil.storage.StoreView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreLookupTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestSpans.T0);

    @Test
    void aTraceWhoseSpansCameInSeveralBatchesComesBackWholeBeforeAndAfterReopening() throws Exception {
        Random random = new Random(3);
        List<SpanRecord> stored = TestSpans.traces(random, 400, 600);
        Set<String> ids = new LinkedHashSet<>();
        stored.forEach(s -> ids.add(s.traceId()));
        // small blocks: a trace's spans land in several frames and blocks, some in the open block
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            for (List<SpanRecord> batch : TestSpans.batches(random, stored, 50)) {
                store.accept(batch);
            }
            try (StoreView.Retained<BlockView> held = store.view().retain()) {
                assertThat(held.blocks().size()).isGreaterThan(10);
            }
            for (String id : ids) {
                assertThat(store.trace(id)).as(id).isEqualTo(TestSpans.trace(stored, id));
            }
        }
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            for (String id : ids) {
                assertThat(store.trace(id)).as(id).isEqualTo(TestSpans.trace(stored, id));
            }
            assertThat(store.spanCount()).isEqualTo(stored.size());
        }
    }

    @Test
    void everyFieldOfASpanIsKept() throws Exception {
        SpanRecord full = new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "00f067aa0ba902b7",
                "GET /api/größe", SpanKind.CLIENT, 1_767_225_600_123_456_789L, 1_767_225_600_987_654_321L,
                new SpanStatus(SpanStatus.Code.ERROR, "connection refused: 日本"),
                Map.of("service.name", "checkout", "host.name", "h1", "empty", ""), "io.opentelemetry.okhttp-3.0",
                Map.of("http.method", "GET", "http.url", "https://example.com/" + "x".repeat(300), "", "blank"),
                List.of(new SpanRecord.Event(1_767_225_600_200_000_000L, "exception",
                        Map.of("exception.type", "java.net.ConnectException", "exception.message", "refused")),
                        new SpanRecord.Event(1_767_225_600_300_000_000L, "retry", Map.of())),
                List.of(new SpanRecord.Link("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", Map.of("why", "batch")),
                        new SpanRecord.Link("not-checked", "", Map.of())));
        SpanRecord plain = new SpanRecord("0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7", "", "", SpanKind.UNSPECIFIED,
                -5, -5, SpanStatus.UNSET, Map.of(), "", Map.of(), List.of(), List.of());
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(List.of(full, plain));
            assertThat(store.trace("0af7651916cd43dd8448eb211c80319c")).containsExactly(plain, full);
        }
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(store.trace("0AF7651916CD43DD8448EB211C80319C")).containsExactly(plain, full);
        }
    }

    @Test
    void aSixtyFourBitIdIsFoundByItsSixteenDigits() throws Exception {
        String id = "0000000000000000463ac35c9f6413ad";
        SpanRecord s = span(id, "48485a3953bb6124", "", "cart", "GET /", 1, 0.1, false, Map.of());
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(List.of(s));
            assertThat(store.trace("463ac35c9f6413ad")).containsExactly(s);
            assertThat(store.trace(id)).containsExactly(s);
        }
    }

    @Test
    void anUnknownTraceIsEmptyAndABadIdIsRefused() throws Exception {
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(store.trace("4bf92f3577b34da6a3ce929d0e0e4736")).isEmpty();
            store.accept(TestSpans.traces(new Random(1), 20, 10));
            assertThat(store.trace("4bf92f3577b34da6a3ce929d0e0e4736")).isEmpty();
            assertThatThrownBy(() -> store.trace("4bf92f35")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a trace id is 32 (or 16) hex digits, got '4bf92f35'");
            assertThatThrownBy(() -> store.trace("zzf92f3577b34da6a3ce929d0e0e4736")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSpanSentTwiceComesBackOnce() throws Exception {
        String id = "4bf92f3577b34da6a3ce929d0e0e4736";
        SpanRecord root = span(id, "00f067aa0ba902b7", "", "cart", "GET /", 1, 0.5, false, Map.of());
        SpanRecord child = span(id, "b7ad6b7169203331", "00f067aa0ba902b7", "payment", "POST /pay", 1.1, 0.2, true, Map.of());
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(List.of(root, child));
            store.accept(List.of(child));
            assertThat(store.trace(id)).containsExactly(root, child);
            assertThat(store.search(dev.vigil.api.traces.TraceSearch.between(TestSpans.T0, TestSpans.time(10), 10)))
                    .singleElement().satisfies(t -> {
                        assertThat(t.spans()).isEqualTo(2);
                        assertThat(t.errors()).isEqualTo(1);
                    });
        }
    }

    @Test
    void aLookupReadsOnlyTheFramesOfItsTrace() throws Exception {
        Random random = new Random(12);
        List<SpanRecord> stored = new ArrayList<>();
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            for (int b = 0; b < 200; b++) {
                List<SpanRecord> batch = TestSpans.traces(random, 5, 100);
                store.accept(batch);
                stored.addAll(batch);
            }
            String id = stored.get(stored.size() / 2).traceId();
            Reader reader = new Reader();
            try (StoreView.Retained<BlockView> held = store.view().retain()) {
                List<SpanRecord> spans = new TraceLoader(held.blocks(), store.dictionary(), reader).trace(TraceRef.of(id));
                assertThat(spans).hasSize(TestSpans.trace(stored, id).size());
                // a false positive of a trace filter costs at most a few frames
                assertThat(reader.framesRead()).isBetween(1L, 3L);
            }
        }
    }
}
