package dev.vigil.metrics.remotewrite;

import static dev.vigil.metrics.remotewrite.RemoteWriteExchanges.remoteWrite;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import dev.vigil.metrics.store.StoreSettings;
import dev.vigil.metrics.store.Tsdb;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCacheTest {

    private static final long T0 = System.currentTimeMillis() - 60_000;

    @TempDir
    Path dir;

    private static Tsdb open(Path dir, int maxSeriesPerMetric) throws IOException {
        StoreSettings settings = new StoreSettings(Duration.ofDays(15), ByteSize.ofBytes(0), maxSeriesPerMetric,
                Duration.ofHours(2), false);
        return Tsdb.open(dir, settings, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static int post(RemoteWriteReceiver receiver, byte[] body) {
        var exchange = remoteWrite(body);
        receiver.handle(exchange);
        return exchange.status();
    }

    private static List<Double> values(Tsdb db, String metric) {
        List<Double> out = new ArrayList<>();
        try (MetricQuerier querier = db.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
            for (Series series : querier.select(List.of(LabelMatcher.equal(Labels.METRIC_NAME, metric)))) {
                SampleCursor cursor = series.cursor();
                while (cursor.next()) {
                    out.add(cursor.value());
                }
            }
        }
        return out;
    }

    @Test
    void aSeriesSentAgainReachesTheSameStoredSeriesWhateverItsLabelOrder() throws IOException {
        try (Tsdb db = open(dir, 100)) {
            RemoteWriteReceiver receiver = new RemoteWriteReceiver(db, ReceiverSettings.defaults(), new SimpleMeterRegistry());
            assertThat(post(receiver, new WriteRequestBuilder().series("__name__", "up", "job", "a").sample(T0, 1).end().snappy()))
                    .isEqualTo(204);
            assertThat(post(receiver, new WriteRequestBuilder().series("__name__", "up", "job", "a").sample(T0 + 1, 2).end().snappy()))
                    .isEqualTo(204);
            assertThat(post(receiver, new WriteRequestBuilder().series("job", "a", "__name__", "up").sample(T0 + 2, 3).end().snappy()))
                    .isEqualTo(204);
            assertThat(post(receiver, new WriteRequestBuilder().series("__name__", "up", "job", "a").sample(T0 + 3, 4).end().snappy()))
                    .isEqualTo(204);

            assertThat(db.stats().series()).isEqualTo(1);
            assertThat(values(db, "up")).containsExactly(1.0, 2.0, 3.0, 4.0);
        }
    }

    @Test
    void aSeriesTheStoreRefusedIsRefusedAgainAndNotRemembered() throws IOException {
        try (Tsdb db = open(dir, 1)) {
            RemoteWriteReceiver receiver = new RemoteWriteReceiver(db, ReceiverSettings.defaults(), new SimpleMeterRegistry());
            assertThat(post(receiver, new WriteRequestBuilder().series("__name__", "up", "job", "a").sample(T0, 1).end().snappy()))
                    .isEqualTo(204);
            for (int i = 0; i < 2; i++) {
                assertThat(post(receiver, new WriteRequestBuilder().series("__name__", "up", "job", "b").sample(T0 + i, 1).end().snappy()))
                        .isEqualTo(400);
            }
            assertThat(db.stats().series()).isEqualTo(1);
        }
    }

    @Test
    void labelsSplitBySamplesAreReadWholeAndNotCached() throws IOException, com.google.protobuf.InvalidProtocolBufferException {
        ByteArrayOutputStream series = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(series);
        out.writeBytes(1, label("__name__", "up"));
        out.writeBytes(2, sample(1.5, 1000));
        out.writeBytes(1, label("job", "a"));
        out.flush();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        CodedOutputStream requestOut = CodedOutputStream.newInstance(request);
        requestOut.writeByteArray(1, series.toByteArray());
        requestOut.flush();
        byte[] message = request.toByteArray();

        SeriesCache cache = new SeriesCache(10);
        List<Labels> seen = new ArrayList<>();
        WriteRequestDecoder decoder = new WriteRequestDecoder(cache, new LabelStrings(10));
        for (int i = 0; i < 2; i++) {
            decoder.decode(message, message.length, new Recording(seen));
        }

        assertThat(seen).containsExactly(Labels.of("__name__", "up", "job", "a"), Labels.of("__name__", "up", "job", "a"));
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStartsOverWhenFull() {
        SeriesCache cache = new SeriesCache(2);
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        cache.put(bytes, 0, 2, Labels.of("a", "1"), 1);
        cache.put(bytes, 2, 4, Labels.of("a", "2"), 2);
        SeriesCache.Probe probe = new SeriesCache.Probe();
        assertThat(cache.get(probe, new byte[] {9, 1, 2}, 1, 3)).isNotNull();
        assertThat(cache.get(probe, new byte[] {9, 1, 2}, 1, 3).ref()).isEqualTo(1);

        cache.put(bytes, 4, 6, Labels.of("a", "3"), 3);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(probe, bytes, 0, 2)).isNull();
        assertThat(List.of(cache.get(probe, bytes, 4, 6).labels())).containsExactly(Labels.of("a", "3"));
    }

    @Test
    void pooledLabelStringsAreOneInstance() {
        LabelStrings strings = new LabelStrings(100);
        String first = strings.intern(new String("instance"));
        assertThat(strings.intern(new String("instance"))).isSameAs(first);
    }

    private static com.google.protobuf.ByteString label(String name, String value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeString(1, name);
        out.writeString(2, value);
        out.flush();
        return com.google.protobuf.ByteString.copyFrom(bytes.toByteArray());
    }

    private static com.google.protobuf.ByteString sample(double value, long timestamp) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeDouble(1, value);
        out.writeInt64(2, timestamp);
        out.flush();
        return com.google.protobuf.ByteString.copyFrom(bytes.toByteArray());
    }

    /** Keeps the labels of each valid series and answers as a store that took it would. */
    private record Recording(List<Labels> seen) implements WriteRequestDecoder.Visitor {

        @Override
        public long series(Labels labels, long ref, long[] timestamps, double[] values, int count) {
            seen.add(labels);
            return 7;
        }

        @Override
        public void invalidSeries(String problem, int samples) {
            throw new AssertionError(problem);
        }

        @Override
        public void unsupportedHistograms(int count) {
            throw new AssertionError("no histograms were sent");
        }

        @Override
        public void metadata(String family, MetricMetadata metadata) {
            throw new AssertionError("no metadata was sent");
        }
    }
}
