package dev.vigil.metrics.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.metrics.testing.TestingMetricStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExportingMetricStoreTest {

    private static final Labels UP = Labels.of("__name__", "up", "job", "node");

    private final TestingMetricStore delegate = new TestingMetricStore();
    private final List<RemoteWriteExporter> exporters = new CopyOnWriteArrayList<>();
    private final ExportingMetricStore store = new ExportingMetricStore(delegate, () -> List.copyOf(exporters));

    @AfterEach
    void close() {
        exporters.forEach(RemoteWriteExporter::close);
    }

    @Test
    void offersCommittedSamplesTheDelegateTookToEveryExporter() throws Exception {
        RemoteWriteExporter a = exporter("a");
        RemoteWriteExporter b = exporter("b");
        try (MetricAppender appender = store.appender()) {
            appender.append(0, UP, 1000, 1);
            appender.append(0, UP, 2000, 2);
            assertThatThrownBy(() -> appender.append(0, UP, 1500, 3)).isInstanceOf(SampleRejectedException.class);
            assertThat(a.queued()).isZero();
            assertThat(appender.commit()).isEqualTo(2);
        }

        assertThat(delegate.samples(UP)).hasSize(2);
        assertThat(a.queued()).isEqualTo(2);
        assertThat(b.queued()).isEqualTo(2);
    }

    @Test
    void exportsNothingOfABatchThatWasNotCommitted() throws Exception {
        RemoteWriteExporter a = exporter("a");
        try (MetricAppender appender = store.appender()) {
            appender.append(0, UP, 1000, 1);
        }
        assertThat(a.queued()).isZero();
        assertThat(delegate.all()).isEmpty();
    }

    @Test
    void exportersAddedAtRunTimeGetLaterBatches() throws Exception {
        try (MetricAppender appender = store.appender()) {
            appender.append(0, UP, 1000, 1);
            appender.commit();
        }
        RemoteWriteExporter a = exporter("a");
        try (MetricAppender appender = store.appender()) {
            appender.append(0, UP, 2000, 2);
            appender.commit();
        }
        assertThat(a.queued()).isEqualTo(1);
        assertThat(store.stats().samples()).isEqualTo(2);
        assertThat(store.querier(0, 5000).select(List.of(dev.vigil.api.metrics.LabelMatcher.metricName("up")))).hasSize(1);
    }

    /** An exporter that is never started, so that what it was offered stays in its queue. */
    private RemoteWriteExporter exporter(String name) {
        RemoteWriteSettings settings = new RemoteWriteSettings(URI.create("http://127.0.0.1:9/api/v1/write"), name,
                java.util.Map.of(), null, 100, 10, java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(10),
                java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(1));
        RemoteWriteExporter exporter = new RemoteWriteExporter(settings, new SimpleMeterRegistry(), Clock.systemUTC());
        exporters.add(exporter);
        return exporter;
    }
}
