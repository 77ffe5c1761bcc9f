package dev.vigil.tracing.store;

import static dev.vigil.tracing.store.TestSpans.span;
import static dev.vigil.tracing.store.TestSpans.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import dev.vigil.testkit.TestingClock;
import dev.vigil.storage.StoreView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the block indexes spare a query: the frames it does not decompress. */
class TraceStoreIndexTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestSpans.T0);
    private final List<SpanRecord> stored = new ArrayList<>();
    private TraceStore store;
    private long totalFrames;

    /** 20 minutes of spans, each minute of its own service and tenant, 40 traces of 3 spans in batches of 12. */
    @BeforeEach
    void fill() throws Exception {
        Random random = new Random(2);
        store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 8 * 1024);
        for (int minute = 0; minute < 20; minute++) {
            List<SpanRecord> spans = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                String id = TestSpans.randomTraceId(random);
                String root = TestSpans.randomSpanId(random);
                double start = minute * 60 + t;
                spans.add(span(id, root, "", "s" + minute, "GET /", start, 0.5, false, Map.of("tenant", "t" + minute)));
                spans.add(span(id, TestSpans.randomSpanId(random), root, "db", "SELECT", start + 0.1, 0.2, t == 7,
                        Map.of("tenant", "t" + minute)));
                spans.add(span(id, TestSpans.randomSpanId(random), root, "db", "SELECT", start + 0.3, 0.1, false, Map.of()));
            }
            for (int b = 0; b < spans.size(); b += 12) {
                store.accept(spans.subList(b, b + 12));
            }
            stored.addAll(spans);
        }
        store.close();
        store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 8 * 1024);
        try (StoreView.Retained<BlockView> held = store.view().retain()) {
            Reader reader = new Reader();
            for (BlockView b : held.blocks()) {
                totalFrames += b.frames(reader).length;
            }
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    /** Runs {@code search} and returns how many frames it decompressed. */
    private long framesRead(TraceSearch search) throws Exception {
        Reader reader = new Reader();
        try (StoreView.Retained<BlockView> held = store.view().retain()) {
            TraceLoader loader = new TraceLoader(held.blocks(), store.dictionary(), reader);
            List<TraceSummary> found = new TraceSearcher(new SearchPlan(search, store.dictionary()), loader, reader,
                    search.limit()).run(held.blocks());
            assertThat(found).isEqualTo(TestSpans.search(stored, search));
            assertThat(found).isNotEmpty();
        }
        return reader.framesRead();
    }

    @Test
    void theBlocksHoldManyFrames() {
        assertThat(totalFrames).isEqualTo(200);
    }

    @Test
    void aServiceSearchReadsOnlyTheFramesOfThatService() throws Exception {
        // 10 frames hold s7's spans; each is read once to find them and once to sum their traces up
        assertThat(framesRead(TraceSearch.between(time(0), time(1200), 100).withService("s7"))).isLessThanOrEqualTo(20);
    }

    @Test
    void anAttributeSearchReadsOnlyTheBlocksWithThatValue() throws Exception {
        long read = framesRead(TraceSearch.between(time(0), time(1200), 100)
                .withAttributes(List.of(LabelMatcher.equal("tenant", "t12"))));
        assertThat(read).isLessThan(40);
        // a resource attribute's value rules blocks out by the dictionary
        read = framesRead(TraceSearch.between(time(0), time(1200), 100)
                .withAttributes(List.of(LabelMatcher.equal("host.name", "s3-0"))));
        assertThat(read).isLessThan(40);
    }

    @Test
    void anErrorSearchSkipsFramesWithoutErrors() throws Exception {
        assertThat(framesRead(TraceSearch.between(time(0), time(1200), 100).withErrorsOnly())).isLessThanOrEqualTo(40);
    }

    @Test
    void theNewestTracesAreFoundWithoutReadingTheOldOnes() throws Exception {
        assertThat(framesRead(TraceSearch.between(time(0), time(1200), 5))).isLessThanOrEqualTo(6);
        assertThat(framesRead(TraceSearch.between(time(300), time(360), 5))).isLessThanOrEqualTo(8);
    }
}
