package dev.vigil.logging.store;

import static dev.vigil.logging.store.TestRecords.at;
import static dev.vigil.logging.store.TestRecords.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.LogSearch.Direction;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.testkit.TestingClock;
import dev.vigil.storage.StoreView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreSearchTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestRecords.T0);
    private final LogFilter all = LogFilter.between(time(0), time(1000));

    private LogStore open() throws Exception {
        // small blocks, so that a few thousand records make many sealed blocks
        return LogStore.open(dir, LogStoreSettings.defaults(), clock, 16 * 1024);
    }

    /** Every page of {@code search}, joined. */
    private static List<LogRecord> allPages(LogStore store, LogSearch search) {
        List<LogRecord> out = new ArrayList<>();
        LogSearch s = search;
        while (true) {
            LogPage page = store.search(s);
            assertThat(page.records()).hasSizeLessThanOrEqualTo(s.limit());
            out.addAll(page.records());
            if (page.next().isEmpty()) {
                return out;
            }
            assertThat(page.records()).hasSize(s.limit());
            s = s.after(page);
        }
    }

    @Test
    void recordsComeBackInTimeOrderBothWaysWhateverOrderTheyWereStoredIn() throws Exception {
        try (LogStore store = open()) {
            store.accept(List.of(at(5, Severity.INFO, "cart", "five"), at(1, Severity.INFO, "cart", "one")));
            store.accept(List.of(at(3, Severity.INFO, "cart", "three")));
            store.accept(List.of(at(4, Severity.INFO, "cart", "four"), at(2, Severity.INFO, "cart", "two"),
                    at(6, Severity.INFO, "cart", "six")));

            LogPage newest = store.search(LogSearch.newestFirst(all, 10));
            assertThat(newest.records()).extracting(LogRecord::body).containsExactly("six", "five", "four", "three", "two", "one");
            assertThat(newest.next()).isEmpty();
            LogPage oldest = store.search(new LogSearch(all, Direction.FORWARD, 10, Optional.empty()));
            assertThat(oldest.records()).extracting(LogRecord::body).containsExactly("one", "two", "three", "four", "five", "six");
        }
    }

    @Test
    void recordsWithTheSameTimeKeepStorageOrderReversedWhenNewestFirst() throws Exception {
        try (LogStore store = open()) {
            store.accept(List.of(at(1, Severity.INFO, "cart", "a"), at(1, Severity.INFO, "cart", "b")));
            store.accept(List.of(at(1, Severity.INFO, "cart", "c")));
            assertThat(allPages(store, new LogSearch(all, Direction.FORWARD, 1, Optional.empty())))
                    .extracting(LogRecord::body).containsExactly("a", "b", "c");
            assertThat(allPages(store, new LogSearch(all, Direction.BACKWARD, 2, Optional.empty())))
                    .extracting(LogRecord::body).containsExactly("c", "b", "a");
        }
    }

    @Test
    void storedRecordsComeBackEqual() throws Exception {
        LogRecord full = new LogRecord(TestRecords.nanos(7.5), Severity.WARN, "Warning", "disk größe 日本語 \"quoted\"\nline two",
                java.util.Map.of("service.name", "api", "k8s.pod.name", "api-7d9"), "com.example.Disk",
                java.util.Map.of("thread.name", "main", "exception.type", "java.io.IOException", "empty", ""),
                "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
        LogRecord bare = new LogRecord(TestRecords.nanos(8), Severity.TRACE, "", "", java.util.Map.of(), "", java.util.Map.of(), "", "");
        try (LogStore store = open()) {
            store.accept(List.of(full, bare));
            assertThat(store.search(new LogSearch(all, Direction.FORWARD, 10, Optional.empty())).records())
                    .containsExactly(full, bare);
        }
        try (LogStore store = open()) {
            assertThat(store.search(new LogSearch(all, Direction.FORWARD, 10, Optional.empty())).records())
                    .containsExactly(full, bare);
        }
    }

    @Test
    void pagingWhileRecordsArriveNeverRepeatsNorSkipsARecordThatWasThere() throws Exception {
        Random random = new Random(7);
        try (LogStore store = open()) {
            List<LogRecord> stored = new ArrayList<>();
            List<LogRecord> first = TestRecords.random(random, 500, 100);
            store.accept(first);
            stored.addAll(first);
            for (Direction direction : Direction.values()) {
                LogSearch search = new LogSearch(all, direction, 23, Optional.empty());
                List<LogRecord> seen = new ArrayList<>();
                List<LogRecord> before = List.copyOf(stored);
                while (true) {
                    LogPage page = store.search(search);
                    seen.addAll(page.records());
                    if (page.next().isEmpty()) {
                        break;
                    }
                    // late and early arrivals between pages
                    List<LogRecord> more = TestRecords.random(random, 7, 100);
                    store.accept(more);
                    stored.addAll(more);
                    search = search.after(page);
                }
                List<LogRecord> order = TestRecords.expected(stored, search);
                assertThat(new HashSet<>(seen)).hasSize(seen.size());
                assertThat(seen).containsAll(before);
                // in the order of everything stored at the end, with nothing out of place
                List<LogRecord> filtered = new ArrayList<>(order);
                filtered.retainAll(new HashSet<>(seen));
                assertThat(seen).isEqualTo(filtered);
            }
        }
    }

    @Test
    void everyKindOfFilterAgreesWithTheFilterItself() throws Exception {
        Random random = new Random(42);
        List<LogRecord> stored = new ArrayList<>();
        String trace;
        try (LogStore store = open()) {
            while (stored.size() < 4000) {
                List<LogRecord> batch = TestRecords.random(random, 1 + random.nextInt(60), 1);
                List<LogRecord> shifted = new ArrayList<>();
                double offset = stored.size() / 40.0;
                for (LogRecord r : batch) {
                    shifted.add(new LogRecord(r.timeNanos() + (long) (offset * 1e9), r.severity(), r.severityText(), r.body(),
                            r.resource(), r.scope(), r.attributes(), r.traceId(), r.spanId()));
                }
                store.accept(shifted);
                stored.addAll(shifted);
            }
            trace = stored.stream().map(LogRecord::traceId).filter(t -> !t.isEmpty()).findFirst().orElseThrow();
            try (StoreView.Retained<BlockView> held = store.view().retain()) {
                assertThat(held.blocks()).hasSizeGreaterThan(10);
            }
            checkFilters(store, stored, trace);
        }
        try (LogStore store = open()) {
            checkFilters(store, stored, trace);
        }
    }

    private void checkFilters(LogStore store, List<LogRecord> stored, String trace) {
        List<LogFilter> filters = List.of(
                all,
                LogFilter.between(time(10), time(50)),
                LogFilter.between(time(10), time(10)),
                all.withService("checkout"),
                all.withResource(LabelMatcher.regex("service.name", "check.*|cart")),
                all.withResource(LabelMatcher.notEqual("host.name", "cart-1")),
                all.withResource(LabelMatcher.equal("zone", "")),
                all.withResource(LabelMatcher.equal("zone", "eu")),
                all.withSeverities(Set.of(Severity.WARN, Severity.ERROR)),
                all.withLoggers(Set.of("com.example.Api")),
                all.withLoggers(Set.of("com.example.Api", "com.example.Db")),
                all.withLoggers(Set.of("nope")),
                all.withAttributes(LabelMatcher.equal("user.id", "u3")),
                all.withAttributes(LabelMatcher.notEqual("http.method", "GET")),
                all.withAttributes(LabelMatcher.regex("user.id", "u[12]"), LabelMatcher.equal("http.method", "POST")),
                all.withAttributes(LabelMatcher.equal("http.method", "")),
                all.withTraceId(trace),
                all.withTraceId("xyz"),
                all.withLines(LineFilter.contains("timeout")),
                all.withLines(LineFilter.contains("größe")),
                all.withLines(LineFilter.contains("ed re")),
                all.withLines(LineFilter.contains("hit")),
                all.withLines(LineFilter.contains("")),
                all.withLines(LineFilter.contains("no such text anywhere")),
                all.withLines(LineFilter.of(LineFilter.Type.NOT_CONTAINS, "order")),
                all.withLines(LineFilter.regex("time(out)?\\s+retry")),
                all.withLines(LineFilter.of(LineFilter.Type.NOT_REGEX, "^order")),
                all.withLines(LineFilter.regex("hit=\\d+ miss")),
                all.withLines(LineFilter.regex("retry|größe")),
                all.withLines(LineFilter.of(LineFilter.Type.NOT_REGEX, "cache=\\d")),
                all.withLines(LineFilter.contains("retry"), LineFilter.of(LineFilter.Type.NOT_CONTAINS, "cache")),
                all.withService("payment").withSeverities(Set.of(Severity.ERROR)).withLines(LineFilter.contains("user")));
        long withRecords = filters.stream()
                .filter(f -> !TestRecords.expected(stored, new LogSearch(f, Direction.FORWARD, 1, Optional.empty())).isEmpty())
                .count();
        assertThat(withRecords).as("filters that take some records").isGreaterThanOrEqualTo(filters.size() - 6);
        for (LogFilter filter : filters) {
            for (Direction direction : Direction.values()) {
                for (int limit : new int[] {1, 37, 10_000}) {
                    LogSearch search = new LogSearch(filter, direction, limit, Optional.empty());
                    if (limit == 1 && TestRecords.expected(stored, search).size() > 200) {
                        continue;
                    }
                    assertThat(allPages(store, search)).as("%s %s limit %d", filter, direction, limit)
                            .isEqualTo(TestRecords.expected(stored, search));
                }
            }
        }
    }

    @Test
    void aCursorOnlyContinuesTheSearchThatReturnedIt() throws Exception {
        try (LogStore store = open()) {
            store.accept(List.of(at(1, Severity.INFO, "cart", "a"), at(2, Severity.INFO, "cart", "b")));
            LogSearch search = LogSearch.newestFirst(all, 1);
            String cursor = store.search(search).next().orElseThrow();
            assertThat(store.search(search.after(store.search(search))).records()).extracting(LogRecord::body)
                    .containsExactly("a");

            LogSearch other = new LogSearch(all.withService("cart"), Direction.BACKWARD, 1, Optional.of(cursor));
            assertThatThrownBy(() -> store.search(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was returned by another search");
            LogSearch reversed = new LogSearch(all, Direction.FORWARD, 1, Optional.of(cursor));
            assertThatThrownBy(() -> store.search(reversed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was returned by another search");
            LogSearch garbage = new LogSearch(all, Direction.BACKWARD, 1, Optional.of("not-a-cursor"));
            assertThatThrownBy(() -> store.search(garbage)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a cursor of this log store");
            String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
            assertThatThrownBy(() -> store.search(new LogSearch(all, Direction.BACKWARD, 1, Optional.of(tampered))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a cursor of this log store");
            // another limit continues the same search
            assertThat(store.search(new LogSearch(all, Direction.BACKWARD, 5, Optional.of(cursor))).records())
                    .extracting(LogRecord::body).containsExactly("a");
        }
        try (LogStore other = LogStore.open(dir.resolve("other"), LogStoreSettings.defaults(), clock)) {
            try (LogStore store = open()) {
                String cursor = store.search(LogSearch.newestFirst(all, 1)).next().orElseThrow();
                assertThatThrownBy(() -> other.search(new LogSearch(all, Direction.BACKWARD, 1, Optional.of(cursor))))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another log store");
                // a cursor stays valid after the store is opened again
                store.close();
                try (LogStore again = open()) {
                    assertThat(again.search(new LogSearch(all, Direction.BACKWARD, 1, Optional.of(cursor))).records())
                            .extracting(LogRecord::body).containsExactly("a");
                }
            }
        }
    }

    @Test
    void resourcesListsTheDistinctResourcesWithRecordsInTheRange() throws Exception {
        try (LogStore store = open()) {
            store.accept(List.of(at(1, Severity.INFO, "cart", "a"), at(2, Severity.INFO, "payment", "b"),
                    at(3, Severity.INFO, "cart", "c"), at(9, Severity.INFO, "checkout", "d")));
            assertThat(store.resources(time(0), time(100))).extracting(r -> r.get("service.name"))
                    .containsExactly("cart", "checkout", "payment");
            assertThat(store.resources(time(1.5), time(3.5))).extracting(r -> r.get("service.name"))
                    .containsExactly("cart", "payment");
            assertThat(store.resources(time(3), time(9))).extracting(r -> r.get("service.name")).containsExactly("cart");
            assertThat(store.resources(time(10), time(20))).isEmpty();
            assertThat(store.resources(time(0), time(100)).get(0)).containsEntry("host.name", "cart-1");
        }
    }
}
