package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.logging.LogSink;
import dev.vigil.logging.Masker;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StoreOutputTest {

    private static OutputSettings store(int queueSize, Duration maxWait) {
        return OutputSettings.defaults().withStore(new StoreOutputSettings(true, queueSize, "orders-platform", maxWait));
    }

    @Test
    void turnsEventsIntoRecordsOfTheConfiguredService() throws Exception {
        TestingSink sink = new TestingSink();
        try (Fixture f = new Fixture();
                URLClassLoader plugin = new URLClassLoader("plugin:metrics", new URL[0], getClass().getClassLoader())) {
            f.outputs.setSink(sink);
            f.outputs.apply(store(100, Duration.ofSeconds(1)), Masker.NONE);
            Instant before = Instant.now();
            Thread thread = new Thread(() -> f.logger("dev.vigil.metrics.Scraper").warn("target down"), "scrape-7");
            thread.setContextClassLoader(plugin);
            thread.start();
            thread.join();

            LogRecord r = sink.await("target down");
            HostInfo host = HostInfo.local();
            assertThat(r.resource()).containsOnly(
                    Map.entry("service.name", "orders-platform"),
                    Map.entry("host.name", host.hostName()),
                    Map.entry("service.instance.id", host.instanceId()));
            assertThat(r.service()).isEqualTo("orders-platform");
            assertThat(r.scope()).isEqualTo("dev.vigil.metrics.Scraper");
            assertThat(r.severity()).isEqualTo(Severity.WARN);
            assertThat(r.severityText()).isEqualTo("WARN");
            assertThat(r.attributes()).containsOnly(
                    Map.entry("thread.name", "scrape-7"),
                    Map.entry("vigil.plugin", "metrics"));
            assertThat(r.timeNanos()).isBetween(LogFilter.nanos(before), LogFilter.nanos(Instant.now()));
            assertThat(r.traceId()).isEmpty();
            assertThat(HostInfo.local().instanceId()).isEqualTo(host.instanceId());
        }
    }

    @Test
    void eventsWaitForTheStoreToOpen() throws Exception {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(store(100, Duration.ofSeconds(1)), Masker.NONE);
            Logger log = f.logger("a.B");
            log.info("one");
            log.error("two");
            TestingSink sink = new TestingSink();
            f.outputs.setSink(sink);
            sink.await("two");
            assertThat(sink.records()).extracting(LogRecord::body).containsExactly("one", "two");
        }
    }

    @Test
    void aFullQueueDropsInfoAndBelowButWarningsWaitAndDropsAreReportedOnceAMinute() throws Exception {
        TestingSink sink = new TestingSink();
        sink.hold();
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(sink);
            f.outputs.apply(store(4, Duration.ofMinutes(1)).withLevel("trace"), Masker.NONE);
            Logger log = f.logger("a.B");
            log.info("taken by the store");
            sink.awaitHeld();
            IntStream.range(0, 4).forEach(i -> log.info("queued " + i));
            IntStream.range(0, 10).forEach(i -> log.debug("dropped " + i));
            IntStream.range(0, 5).forEach(i -> log.info("dropped too " + i));
            assertThat(f.outputs.stats().storeDropped()).isEqualTo(15);

            Thread warner = new Thread(() -> log.warn("worth waiting for"), "warner");
            warner.start();
            Fixture.await(() -> warner.getState() == Thread.State.TIMED_WAITING, "the warning to wait for room");
            assertThat(warner.isAlive()).isTrue();

            sink.release();
            warner.join();
            sink.await("worth waiting for");
            assertThat(sink.records()).extracting(LogRecord::body).containsExactly("taken by the store",
                    "queued 0", "queued 1", "queued 2", "queued 3", "worth waiting for");
            assertThat(f.outputs.stats().storeDropped()).isEqualTo(15);

            String report = "the log store output dropped 15 events because its queue of 4 was full";
            assertThat(f.stdout()).doesNotContain(report);
            f.clock.advance(Duration.ofSeconds(61));
            Fixture.await(() -> f.stdout().contains(report), "the report");
            assertThat(f.stdoutLines()).filteredOn(l -> l.contains(report)).singleElement()
                    .satisfies(l -> assertThat(l).contains(" WARN  [vigil-log-store-output] d.v.logging.logback.LogbackOutputs - "));
            // the report itself is not stored: it comes from the store output's own thread
            assertThat(sink.records()).noneMatch(r -> r.body().contains("dropped"));
        }
    }

    @Test
    void withoutWaitingAFullQueueDropsWarningsToo() throws Exception {
        TestingSink sink = new TestingSink();
        sink.hold();
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(sink);
            f.outputs.apply(store(2, Duration.ZERO), Masker.NONE);
            Logger log = f.logger("a.B");
            log.info("taken");
            sink.awaitHeld();
            log.error("queued 1");
            log.error("queued 2");
            log.error("dropped");
            assertThat(f.outputs.stats().storeDropped()).isEqualTo(1);
            sink.release();
            sink.await("queued 2");
        }
    }

    @Test
    void beforeTheStoreOpensAFullQueueMakesNoOneWait() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(store(2, Duration.ofMinutes(1)), Masker.NONE);
            Logger log = f.logger("a.B");
            for (int i = 0; i < 5; i++) {
                log.error("error " + i);
            }
            assertThat(f.outputs.stats().storeDropped()).isEqualTo(3);
        }
    }

    @Test
    void batchesTheSinkRefusesAreCountedAndReported() throws Exception {
        TestingSink sink = new TestingSink();
        sink.refuse(true);
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(sink);
            f.outputs.apply(store(100, Duration.ofSeconds(1)), Masker.NONE);
            f.logger("a.B").info("lost");
            Fixture.await(() -> f.outputs.stats().storeFailed() == 1, "the failure to be counted");
            f.clock.advance(Duration.ofMinutes(2));
            Fixture.await(() -> f.stdout().contains(
                    "the log store refused 1 records: UncheckedIOException: java.io.IOException: disk full"), "the report");
        }
    }

    @Test
    void whatTheSinkLogsIsWrittenButNotStored() throws Exception {
        List<LogRecord> stored = new CopyOnWriteArrayList<>();
        try (Fixture f = new Fixture()) {
            LogSink chatty = records -> {
                f.logger("dev.vigil.logging.store.LogStore").info("stored {} records", records.size());
                stored.addAll(records);
            };
            f.outputs.setSink(chatty);
            f.outputs.apply(store(100, Duration.ofSeconds(1)), Masker.NONE);
            f.logger("a.B").info("an event");
            Fixture.await(() -> f.stdout().contains("stored 1 records"), "the sink's line");
            assertThat(stored).extracting(LogRecord::body).containsExactly("an event");
        }
    }

    @Test
    void closingHandsTheQueueToTheSink() {
        TestingSink sink = new TestingSink();
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(sink);
            f.outputs.apply(store(5000, Duration.ofSeconds(1)), Masker.NONE);
            Logger log = f.logger("a.B");
            for (int i = 0; i < 2000; i++) {
                log.info("event " + i);
            }
        }
        assertThat(sink.records()).hasSize(2000);
        assertThat(sink.records().get(1999).body()).isEqualTo("event 1999");
        assertThat(sink.batchSizes()).allMatch(size -> size <= StoreOutput.MAX_BATCH);
    }

    @Test
    void theSinkMayBeReplacedOrRemoved() throws Exception {
        TestingSink first = new TestingSink();
        TestingSink second = new TestingSink();
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(first);
            f.outputs.apply(store(100, Duration.ofSeconds(1)), Masker.NONE);
            f.logger("a.B").info("to the first");
            first.await("to the first");
            f.outputs.setSink(second);
            f.logger("a.B").info("to the second");
            second.await("to the second");
            f.outputs.setSink(null);
            f.logger("a.B").info("kept for later");
            f.outputs.setSink(first);
            first.await("kept for later");
            assertThat(first.records()).extracting(LogRecord::body).containsExactly("to the first", "kept for later");
            assertThat(second.records()).extracting(LogRecord::body).containsExactly("to the second");
        }
    }

    @Test
    void aChangedQueueSizeRebuildsTheStoreOutputKeepingTheCounts() throws Exception {
        TestingSink sink = new TestingSink();
        try (Fixture f = new Fixture()) {
            f.outputs.apply(store(1, Duration.ZERO), Masker.NONE);
            f.logger("a.B").info("kept");
            f.logger("a.B").info("dropped");
            assertThat(f.outputs.stats().storeDropped()).isEqualTo(1);
            f.outputs.setSink(sink);
            sink.await("kept");
            f.outputs.apply(store(10, Duration.ZERO), Masker.NONE);
            f.logger("a.B").info("after the change");
            sink.await("after the change");
            assertThat(f.outputs.stats().storeDropped()).isEqualTo(1);
        }
    }
}
