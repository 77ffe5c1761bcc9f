package dev.vigil.logging.store;

import static dev.vigil.logging.store.TestRecords.at;
import static dev.vigil.logging.store.TestRecords.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreCountsTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestRecords.T0);

    @Test
    void bucketsStartAtTheFilterStartAndTheLastIsCutAtItsEnd() throws Exception {
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            store.accept(List.of(at(0, Severity.INFO, "cart", "a"), at(2.9, Severity.ERROR, "cart", "b"),
                    at(3, Severity.INFO, "cart", "c"), at(9.5, Severity.WARN, "cart", "d"), at(10, Severity.INFO, "cart", "e")));
            LogCounts counts = store.counts(LogFilter.between(time(0), time(10)), Duration.ofSeconds(3));
            assertThat(counts.step()).isEqualTo(Duration.ofSeconds(3));
            assertThat(counts.buckets()).extracting(LogCounts.Bucket::start)
                    .containsExactly(time(0), time(3), time(6), time(9));
            assertThat(counts.buckets()).extracting(LogCounts.Bucket::counts).containsExactly(
                    Map.of(Severity.INFO, 1L, Severity.ERROR, 1L), Map.of(Severity.INFO, 1L), Map.of(),
                    Map.of(Severity.WARN, 1L));
            assertThat(store.counts(LogFilter.between(time(5), time(5)), Duration.ofSeconds(1)).buckets()).isEmpty();
        }
    }

    @Test
    void aStepMustBePositiveAndMakeAtMost11000Buckets() throws Exception {
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            LogFilter day = LogFilter.between(time(0), time(86_400));
            assertThatThrownBy(() -> store.counts(day, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the step must be positive, got PT0S");
            assertThatThrownBy(() -> store.counts(day, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.counts(day, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("makes 86400 buckets; at most 11000");
            assertThat(store.counts(LogFilter.between(time(0), time(11_000)), Duration.ofSeconds(1)).buckets()).hasSize(11_000);
            assertThat(store.counts(LogFilter.between(Instant.EPOCH, Instant.MAX), Duration.ofDays(365 * 100_000L))
                    .buckets()).isNotEmpty();
            assertThatThrownBy(() -> store.counts(LogFilter.between(Instant.MIN, Instant.MAX), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void countsAgreeWithTheFilterWhetherTheyComeFromHeadersOrFromRecords() throws Exception {
        Random random = new Random(3);
        List<LogRecord> stored = new ArrayList<>();
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock, 8 * 1024)) {
            for (int b = 0; b < 200; b++) {
                List<LogRecord> batch = TestRecords.random(random, 1 + random.nextInt(30), 100);
                store.accept(batch);
                stored.addAll(batch);
            }
            LogFilter all = LogFilter.between(time(0), time(100));
            List<LogFilter> filters = List.of(all, LogFilter.between(time(13.3), time(77.7)), all.withService("cart"),
                    all.withResource(LabelMatcher.regex("host.name", ".*-1")),
                    all.withSeverities(Set.of(Severity.ERROR, Severity.FATAL)),
                    all.withService("payment").withSeverities(Set.of(Severity.ERROR)),
                    all.withLines(LineFilter.contains("timeout")), all.withLoggers(Set.of("com.example.Db")),
                    all.withAttributes(LabelMatcher.equal("user.id", "u1")));
            for (LogFilter filter : filters) {
                for (Duration step : List.of(Duration.ofSeconds(1), Duration.ofMillis(7_300), Duration.ofHours(1))) {
                    assertThat(store.counts(filter, step)).as("%s by %s", filter, step).isEqualTo(expected(stored, filter, step));
                }
            }
        }
    }

    private static LogCounts expected(List<LogRecord> stored, LogFilter filter, Duration step) {
        long from = LogFilter.nanos(filter.from());
        long to = LogFilter.nanos(filter.to());
        int n = (int) ((to - from + step.toNanos() - 1) / step.toNanos());
        List<Map<Severity, Long>> counts = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            counts.add(new EnumMap<>(Severity.class));
        }
        for (LogRecord r : stored) {
            if (filter.test(r)) {
                counts.get((int) ((r.timeNanos() - from) / step.toNanos())).merge(r.severity(), 1L, Long::sum);
            }
        }
        List<LogCounts.Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            buckets.add(new LogCounts.Bucket(filter.from().plus(step.multipliedBy(b)), counts.get(b)));
        }
        return new LogCounts(step, buckets);
    }
}
