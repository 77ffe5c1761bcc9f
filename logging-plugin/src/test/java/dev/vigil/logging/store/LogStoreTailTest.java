package dev.vigil.logging.store;

import static dev.vigil.logging.store.TestRecords.at;
import static dev.vigil.logging.store.TestRecords.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.Registration;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTailTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestRecords.T0);

    private static List<String> take(LinkedBlockingQueue<LogRecord> queue, int n) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LogRecord r = queue.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("record %d of %d", i + 1, n).isNotNull();
            out.add(r.body());
        }
        return out;
    }

    @Test
    void aTailGetsTheRecordsItsFilterTakesWhateverTheirTimeInStorageOrder() throws Exception {
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            store.accept(List.of(at(1, Severity.ERROR, "cart", "before the tail")));
            LinkedBlockingQueue<LogRecord> got = new LinkedBlockingQueue<>();
            // the time range is ignored: a tail follows what is stored from now on
            LogFilter filter = LogFilter.between(time(0), time(1)).withService("cart").withSeverities(LogFilter.atLeast(Severity.WARN));
            Registration tail = store.tail(filter, got::add);
            store.accept(List.of(at(50, Severity.ERROR, "cart", "one"), at(2, Severity.INFO, "cart", "info"),
                    at(3, Severity.WARN, "payment", "other service"), at(-5, Severity.WARN, "cart", "two")));
            store.accept(List.of(at(4, Severity.FATAL, "cart", "three")));
            assertThat(take(got, 3)).containsExactly("one", "two", "three");
            tail.close();
            tail.close();
            store.accept(List.of(at(5, Severity.ERROR, "cart", "after close")));
            LinkedBlockingQueue<LogRecord> marker = new LinkedBlockingQueue<>();
            Registration second = store.tail(LogFilter.between(time(0), time(1)), marker::add);
            store.accept(List.of(at(6, Severity.ERROR, "cart", "marker")));
            assertThat(take(marker, 1)).containsExactly("marker");
            assertThat(got).isEmpty();
            second.close();
        }
    }

    @Test
    void aListenerThatThrowsIsRemovedAndOthersGoOn() throws Exception {
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            AtomicInteger calls = new AtomicInteger();
            store.tail(LogFilter.between(time(0), time(1)), r -> {
                calls.incrementAndGet();
                throw new IllegalStateException("listener failed");
            });
            LinkedBlockingQueue<LogRecord> got = new LinkedBlockingQueue<>();
            store.tail(LogFilter.between(time(0), time(1)), got::add);
            store.accept(List.of(at(1, Severity.INFO, "cart", "a"), at(2, Severity.INFO, "cart", "b")));
            store.accept(List.of(at(3, Severity.INFO, "cart", "c")));
            assertThat(take(got, 3)).containsExactly("a", "b", "c");
            assertThat(calls).hasValue(1);
        }
    }
}
