package dev.vigil.metrics.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteWriteExporterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Labels UP = Labels.of("__name__", "up", "job", "node", "instance", "a:9100");

    private final TestingRemoteWriteServer server = new TestingRemoteWriteServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RemoteWriteExporter exporter;

    @AfterEach
    void stop() {
        if (exporter != null) {
            exporter.close();
        }
        server.close();
    }

    @Test
    void sendsBatchesWithTheProtocolsHeadersAndTheSamplesInOrder() {
        exporter = start(settings(server.uri(), Map.of("X-Scope-OrgID", "tenant-1"), "secret", 1000, 3, Duration.ofMillis(100)));
        for (int i = 0; i < 7; i++) {
            assertThat(exporter.offer(UP, 1000L * (i + 1), i)).isTrue();
        }
        assertThat(exporter.offer(Labels.of("__name__", "nan_gauge"), 5000, Double.NaN)).isTrue();

        awaitSamples(8);
        List<TestingRemoteWriteServer.Request> requests = server.requests();
        assertThat(requests).allSatisfy(r -> assertThat(r.samples()).isBetween(1, 3));
        TestingRemoteWriteServer.Request first = requests.get(0);
        assertThat(first.headers()).containsEntry("Content-Encoding", "snappy")
                .containsEntry("Content-Type", "application/x-protobuf")
                .containsEntry("X-Prometheus-Remote-Write-Version", "0.1.0")
                .containsEntry("User-Agent", "Vigil/dev")
                .containsEntry("X-Scope-OrgID", "tenant-1")
                .containsEntry("Authorization", "Bearer secret");
        List<long[]> upSamples = requests.stream().flatMap(r -> r.series().stream()).filter(s -> s.labels().equals(UP))
                .flatMap(s -> s.samples().stream()).toList();
        assertThat(upSamples).extracting(s -> s[0]).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L);
        assertThat(upSamples).extracting(s -> Double.longBitsToDouble(s[1])).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(requests.stream().flatMap(r -> r.series().stream()).filter(s -> s.labels().metricName().equals("nan_gauge"))
                .flatMap(s -> s.samples().stream()).map(s -> Double.longBitsToDouble(s[1]))).containsExactly(Double.NaN);
        awaitMeter("sent", 8);
        assertThat(gauge("vigil.remote.write.highest.sent.timestamp")).isEqualTo(7.0);
        assertThat(gauge("vigil.remote.write.queue.capacity")).isEqualTo(1000);
        assertThat(meters.find("vigil.remote.write.send").tag("remote", "test").timer().count()).isEqualTo(requests.size());
    }

    @Test
    void retriesAfter503And429UntilTheRemoteTakesTheBatch() {
        server.answer(503, 503);
        server.answer(new TestingRemoteWriteServer.Answer(429, Map.of("Retry-After", "0")));
        exporter = start(settings(server.uri(), Map.of(), null, 100, 10, Duration.ofMillis(20)));
        exporter.offer(UP, 1000, 1);
        exporter.offer(UP, 2000, 2);

        Await.until("the batch to be taken after three refusals", WAIT, server::requests, r -> r.size() == 4);
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.samples()).isEqualTo(2));
        awaitMeter("sent", 2);
        assertThat(count("retried")).isEqualTo(6);
        assertThat(count("failed")).isZero();
    }

    @Test
    void dropsABatchRefusedWith400AndGoesOn() {
        server.answer(400);
        exporter = start(settings(server.uri(), Map.of(), null, 100, 10, Duration.ofMillis(20)));
        exporter.offer(UP, 1000, 1);
        Await.until("the refused batch", WAIT, server::requests, r -> r.size() == 1);
        awaitMeter("failed", 1);

        exporter.offer(UP, 2000, 2);
        Await.until("the next batch", WAIT, server::requests, r -> r.size() == 2);
        awaitMeter("sent", 1);
        assertThat(count("retried")).isZero();
    }

    @Test
    void dropsAndCountsSamplesWhenTheQueueIsFull() {
        exporter = new RemoteWriteExporter(settings(server.uri(), Map.of(), null, 5, 10, Duration.ofMillis(20)), meters, Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            assertThat(exporter.offer(UP, i, i)).isTrue();
        }
        assertThat(exporter.offer(UP, 5, 5)).isFalse();
        assertThat(exporter.offer(UP, 6, 6)).isFalse();
        assertThat(count("dropped")).isEqualTo(2);
        assertThat(gauge("vigil.remote.write.queue.samples")).isEqualTo(5);

        exporter.start();
        awaitSamples(5);
        assertThat(exporter.offer(UP, 7, 7)).isTrue();
    }

    @Test
    void closeFlushesTheQueueAndStopsItsThreads() {
        exporter = start(settings(server.uri(), Map.of(), null, 10_000, 100, Duration.ofMinutes(10)));
        for (int i = 0; i < 250; i++) {
            exporter.offer(UP, i, i);
        }
        exporter.close();

        assertThat(server.samplesReceived()).isEqualTo(250);
        assertThat(threadsNamed("vigil-remote-write-test")).isEmpty();
        assertThat(exporter.offer(UP, 1000, 1)).isFalse();
        assertThat(meters.find("vigil.remote.write.queue.samples").gauge()).isNull();
    }

    @Test
    void closeGivesUpOnARemoteThatKeepsFailing() {
        int[] failing = new int[200];
        java.util.Arrays.fill(failing, 503);
        server.answer(failing);
        // both samples are queued before the sender starts, so they travel in one batch however the threads run
        exporter = new RemoteWriteExporter(settings(server.uri(), Map.of(), null, 100, 10, Duration.ofMillis(10)), meters, Clock.systemUTC());
        exporter.offer(UP, 1000, 1);
        exporter.offer(UP, 2000, 2);
        exporter.start();
        Await.until("a retry", WAIT, server::requests, r -> r.size() >= 2);

        exporter.close();

        assertThat(threadsNamed("vigil-remote-write-test")).isEmpty();
        assertThat(count("failed")).isEqualTo(2);
        assertThat(count("sent")).isZero();
    }

    private RemoteWriteExporter start(RemoteWriteSettings settings) {
        RemoteWriteExporter e = new RemoteWriteExporter(settings, meters, Clock.systemUTC());
        e.start();
        return e;
    }

    private static RemoteWriteSettings settings(URI url, Map<String, String> headers, String token, int capacity, int perSend,
            Duration deadline) {
        return new RemoteWriteSettings(url, "test", headers, token, capacity, perSend, deadline, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(10));
    }

    private void awaitSamples(int samples) {
        Await.until(samples + " samples at the server", WAIT, server::samplesReceived, n -> n >= samples);
        assertThat(server.samplesReceived()).isEqualTo(samples);
    }

    private void awaitMeter(String outcome, double value) {
        Await.until(outcome + " = " + value, WAIT, () -> count(outcome), Predicate.isEqual(value));
    }

    private double count(String outcome) {
        var counter = meters.find("vigil.remote.write.samples").tag("remote", "test").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        return meters.get(name).tag("remote", "test").gauge().value();
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }
}
