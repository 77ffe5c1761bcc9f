package dev.vigil.metrics.remotewrite;

import static dev.vigil.metrics.remotewrite.RemoteWriteExchanges.remoteWrite;
import static dev.vigil.metrics.remotewrite.RemoteWriteExchanges.withoutHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.testing.TestingHttpExchange;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.metrics.testing.TestingMetricStore.Sample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteWriteReceiverTest {

    private static final Labels UP = Labels.of("__name__", "up", "job", "node", "instance", "a:9100");

    private final TestingMetricStore store = new TestingMetricStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RemoteWriteReceiver receiver = new RemoteWriteReceiver(store, ReceiverSettings.defaults(), meters);

    @Test
    void storesEverySeriesAndMetadataAndAnswers204() {
        byte[] body = new WriteRequestBuilder()
                .series("__name__", "up", "job", "node", "instance", "a:9100").sample(1000, 1).sample(2000, 0).end()
                .series("job", "node", "__name__", "node_load1").sample(1000, 0.25).end()
                .metadata(2, "node_load1", "1m load average.", "")
                .snappy();

        TestingHttpExchange exchange = post(body);

        assertThat(exchange.status()).isEqualTo(204);
        assertThat(store.samples(UP)).containsExactly(new Sample(1000, 1), new Sample(2000, 0));
        assertThat(store.samples(Labels.of("__name__", "node_load1", "job", "node"))).containsExactly(new Sample(1000, 0.25));
        assertThat(store.metadata()).containsEntry("node_load1", new MetricMetadata(MetricType.GAUGE, "1m load average.", ""));
        assertThat(counter("vigil.remote.write.received.samples", "outcome", "accepted")).isEqualTo(3);
        assertThat(counter("vigil.remote.write.requests", "code", "204")).isEqualTo(1);
    }

    @Test
    void acceptsTheBenchmarkPayload() {
        TestingHttpExchange exchange = post(RemoteWritePayloads.build(50, 4, 1_700_000_000_000L));

        assertThat(exchange.status()).isEqualTo(204);
        assertThat(store.seriesNamed("bench_metric")).hasSize(50);
        assertThat(store.samples(Labels.of("__name__", "bench_metric", "instance", "host-7:9100", "job", "bench", "series", "7")))
                .containsExactly(new Sample(1_700_000_000_000L, 7), new Sample(1_700_000_015_000L, 7.5),
                        new Sample(1_700_000_030_000L, 8), new Sample(1_700_000_045_000L, 8.5));
    }

    @Test
    void storesNaNInfinityAndStaleMarkersBitForBit() {
        byte[] body = new WriteRequestBuilder()
                .series("__name__", "up", "job", "node", "instance", "a:9100")
                .sample(1000, Double.NaN).sample(2000, Double.POSITIVE_INFINITY).sample(3000, Double.NEGATIVE_INFINITY)
                .sample(4000, StaleMarker.VALUE).end()
                .snappy();

        assertThat(post(body).status()).isEqualTo(204);
        List<Sample> samples = store.samples(UP);
        assertThat(samples).hasSize(4);
        assertThat(samples.get(0).value()).isNaN();
        assertThat(samples.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(samples.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StaleMarker.isStale(samples.get(3).value())).isTrue();
    }

    @Test
    void malformedProtobufIs400AndStoresNothing() {
        byte[] valid = new WriteRequestBuilder().series("__name__", "up").sample(1000, 1).end().message();
        byte[] truncated = Arrays.copyOf(valid, valid.length - 3);

        TestingHttpExchange exchange = post(WriteRequestBuilder.compress(truncated));

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.responseText()).startsWith("the body is not a valid prometheus.WriteRequest").doesNotContain("\n ");
        assertThat(store.all()).isEmpty();
        assertThat(store.commits()).isZero();
    }

    @Test
    void bodyThatIsNotSnappyIs400() {
        byte[] message = new WriteRequestBuilder().series("__name__", "up").sample(1000, 1).end().message();
        byte[] corrupt = WriteRequestBuilder.compress(message);
        corrupt[corrupt.length / 2] ^= (byte) 0xff;
        corrupt[corrupt.length - 1] ^= (byte) 0x5a;

        assertThat(post(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}).status()).isEqualTo(400);
        assertThat(post(new byte[0]).status()).isEqualTo(400);
        assertThat(post(new byte[] {10, 0, 0}).status()).isEqualTo(400);
        assertThat(post(corrupt).status()).isEqualTo(400);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void requestDeclaringMoreThanTheLimitIs413BeforeDecompressing() {
        RemoteWriteReceiver small = new RemoteWriteReceiver(store, new ReceiverSettings(ByteSize.ofBytes(1024)), meters);
        // the declared length alone (a varint of 1 GiB) is enough to refuse it
        byte[] declaresOneGiB = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04, 0x00};
        TestingHttpExchange exchange = remoteWrite(declaresOneGiB);
        small.handle(exchange);
        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.responseText()).contains("1073741824").contains("1KiB");

        TestingHttpExchange big = remoteWrite(RemoteWritePayloads.build(100, 1, 1000));
        small.handle(big);
        assertThat(big.status()).isEqualTo(413);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void invalidNamesAndDuplicateLabelsAre400NamingTheSeriesWhileValidSeriesAreStored() {
        assertRefused(new WriteRequestBuilder().series("__name__", "1up", "job", "x").sample(1000, 1).end(),
                "invalid metric name \"1up\" in series {__name__=\"1up\", job=\"x\"}");
        assertRefused(new WriteRequestBuilder().series("__name__", "up", "bad-label", "x").sample(1000, 1).end(),
                "invalid label name \"bad-label\" in series {__name__=\"up\", bad-label=\"x\"}");
        assertRefused(new WriteRequestBuilder().series("__name__", "up", "job", "a", "job", "b").sample(1000, 1).end(),
                "duplicate label name \"job\" in series {__name__=\"up\", job=\"a\", job=\"b\"}");
        assertRefused(new WriteRequestBuilder().series("job", "a").sample(1000, 1).end(),
                "missing metric name (label __name__) in series {job=\"a\"}");
        assertRefused(new WriteRequestBuilder().series("__name__", "up:rate5m", "a:b", "x").sample(1000, 1).end(),
                "invalid label name \"a:b\"");
        assertThat(store.all()).isEmpty();

        byte[] mixed = new WriteRequestBuilder()
                .series("__name__", "up", "job", "node", "instance", "a:9100").sample(1000, 1).end()
                .series("__name__", "bad name").sample(1000, 1).end()
                .series("__name__", "also-bad").sample(1000, 1).end()
                .series("__name__", "ns:rule_5m", "_private", "ok").sample(1000, 2).end()
                .snappy();
        TestingHttpExchange exchange = post(mixed);
        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.responseText()).isEqualTo("invalid metric name \"bad name\" in series {__name__=\"bad name\"} (and 1 more series refused)\n");
        assertThat(store.samples(UP)).containsExactly(new Sample(1000, 1));
        assertThat(store.samples(Labels.of("__name__", "ns:rule_5m", "_private", "ok"))).containsExactly(new Sample(1000, 2));
        assertThat(counter("vigil.remote.write.received.samples", "outcome", "rejected")).isEqualTo(7);
        assertThat(counter("vigil.remote.write.received.samples", "outcome", "accepted")).isEqualTo(2);
    }

    @Test
    void outOfOrderOrDuplicateSampleIs400AndNothingOfThatRequestIsStored() {
        assertThat(post(new WriteRequestBuilder().series("__name__", "up", "job", "node", "instance", "a:9100").sample(5000, 1).end().snappy()).status())
                .isEqualTo(204);

        byte[] outOfOrder = new WriteRequestBuilder()
                .series("__name__", "other").sample(5000, 7).end()
                .series("__name__", "up", "job", "node", "instance", "a:9100").sample(4000, 1).end()
                .snappy();
        TestingHttpExchange exchange = post(outOfOrder);
        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.responseText()).contains("out of order").contains("up{").contains("nothing of this request was written");
        assertThat(store.seriesNamed("other")).isEmpty();

        byte[] duplicate = new WriteRequestBuilder().series("__name__", "up", "job", "node", "instance", "a:9100").sample(5000, 2).end().snappy();
        assertThat(post(duplicate).status()).isEqualTo(400);

        // the same sample sent again (a retry) is not an error
        byte[] resent = new WriteRequestBuilder().series("__name__", "up", "job", "node", "instance", "a:9100").sample(5000, 1).end().snappy();
        assertThat(post(resent).status()).isEqualTo(204);
        assertThat(store.samples(UP)).containsExactly(new Sample(5000, 1));
    }

    @Test
    void badRequestsLoseNothingStoredBefore() {
        byte[] good = RemoteWritePayloads.build(10, 3, 1_000_000);
        assertThat(post(good).status()).isEqualTo(204);
        Map<Labels, List<Sample>> before = store.all();

        post(new byte[] {1, 2, 3});
        post(WriteRequestBuilder.compress(new byte[] {(byte) 0x0a, 0x7f, 0x01}));
        post(new WriteRequestBuilder().series("__name__", "bench_metric", "job", "bench", "instance", "host-1:9100", "series", "1")
                .sample(1_000_000, 99).end().snappy());
        post(new WriteRequestBuilder().series("__name__", "up", "job", "a", "job", "a").sample(1, 1).end().snappy());

        assertThat(store.all()).isEqualTo(before);
    }

    @Test
    void wrongMediaTypeIs415ButMissingHeadersAreAccepted() {
        byte[] body = new WriteRequestBuilder().series("__name__", "up").sample(1000, 1).end().snappy();

        assertThat(send(remoteWrite(body).header("Content-Type", "application/json")).status()).isEqualTo(415);
        assertThat(send(remoteWrite(body).header("Content-Encoding", "gzip")).status()).isEqualTo(415);
        assertThat(send(remoteWrite(body)
                .header("Content-Type", "application/x-protobuf;proto=io.prometheus.write.v2.Request")).status()).isEqualTo(415);
        assertThat(store.all()).isEmpty();

        assertThat(send(remoteWrite(body)
                .header("Content-Type", "application/x-protobuf;proto=prometheus.WriteRequest")).status()).isEqualTo(204);
        assertThat(send(withoutHeaders(body)).status()).isEqualTo(204);
        assertThat(counter("vigil.remote.write.requests", "code", "415")).isEqualTo(3);
    }

    @Test
    void skipsNativeHistogramsAndCountsThem() {
        byte[] body = new WriteRequestBuilder()
                .series("__name__", "rpc_latency").histogram(1000).histogram(2000).end()
                .series("__name__", "up").sample(1000, 1).end()
                .snappy();

        assertThat(post(body).status()).isEqualTo(204);
        assertThat(store.seriesNamed("rpc_latency")).isEmpty();
        assertThat(store.samples(Labels.of("__name__", "up"))).containsExactly(new Sample(1000, 1));
        assertThat(counter("vigil.remote.write.received.samples", "outcome", "unsupported")).isEqualTo(2);
    }

    private void assertRefused(WriteRequestBuilder request, String reason) {
        TestingHttpExchange exchange = post(request.snappy());
        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.contentType()).startsWith("text/plain");
        assertThat(exchange.responseText()).contains(reason).endsWith("\n").hasLineCount(1);
    }

    private TestingHttpExchange post(byte[] body) {
        return send(remoteWrite(body));
    }

    private TestingHttpExchange send(TestingHttpExchange exchange) {
        receiver.handle(exchange);
        return exchange;
    }

    private double counter(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
