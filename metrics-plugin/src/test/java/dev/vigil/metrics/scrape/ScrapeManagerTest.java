package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.scrape.FixtureServer.Answer;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.metrics.testing.TestingMetricStore.Sample;
import dev.vigil.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapeManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestingMetricStore store = new TestingMetricStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FixtureServer server = new FixtureServer();
    private final ScrapeManager manager = new ScrapeManager(store, meters, Clock.systemUTC());

    @AfterEach
    void tearDown() {
        manager.close();
        server.close();
    }

    @Test
    void scrapesTheTextFormatIntoSeriesWithJobAndInstance() {
        server.text("""
                # HELP node_load1 One-minute load.
                # TYPE node_load1 gauge
                node_load1{cpu="0"} 0.25
                """);
        manager.apply(settings(with(job("node", server.address()), Map.of("env", "test"), false, true, 0)));

        Labels load = Labels.of("__name__", "node_load1", "cpu", "0", "job", "node", "instance", server.address(), "env", "test");
        List<Sample> samples = awaitSamples(load, s -> !s.isEmpty());
        assertThat(samples.get(0).value()).isEqualTo(0.25);
        assertThat(awaitSamples(report("up", "node", "env", "test"), s -> !s.isEmpty()).get(0).value()).isEqualTo(1);
        assertThat(awaitSamples(report("scrape_samples_scraped", "node", "env", "test"), s -> !s.isEmpty()).get(0).value()).isEqualTo(1);
        assertThat(store.seriesNamed("scrape_duration_seconds")).hasSize(1);
        assertThat(store.seriesNamed("scrape_samples_post_metric_relabeling")).hasSize(1);
        assertThat(store.seriesNamed("scrape_series_added")).hasSize(1);
        assertThat(store.metadata().get("node_load1").type()).isEqualTo(MetricType.GAUGE);
        assertThat(store.metadata().get("node_load1").help()).isEqualTo("One-minute load.");

        Map<String, String> headers = server.lastHeaders();
        assertThat(headers.get("accept")).startsWith("application/openmetrics-text;version=1.0.0").contains("text/plain;version=0.0.4;q=0.5");
        assertThat(headers.get("accept-encoding")).isEqualTo("gzip");
        assertThat(headers.get("x-prometheus-scrape-timeout-seconds")).isEqualTo("0.2");

        TargetStatus status = Await.until("the target is up", WAIT, () -> manager.targets().get(0), t -> t.health() == TargetStatus.Health.UP);
        assertThat(status.scrapeUrl()).isEqualTo("http://" + server.address() + "/metrics");
        assertThat(status.labels()).containsEntry("job", "node").containsEntry("instance", server.address()).containsEntry("env", "test");
        assertThat(status.lastError()).isNull();
        assertThat(status.lastScrape()).isNotNull();
        assertThat(meters.get(ScrapeMeters.SCRAPES).tags("job", "node", "outcome", "success").counter().count()).isPositive();
    }

    @Test
    void scrapesGzippedOpenMetricsWithoutCreatedSamples() {
        server.answer(new Answer(200, FixtureServer.OPENMETRICS, """
                # TYPE jobs counter
                # HELP jobs Jobs run.
                jobs_total 7
                jobs_created 1700000000.5
                # EOF
                """, true, 0));
        manager.apply(settings(job("worker", server.address())));

        Labels jobs = Labels.of("__name__", "jobs_total", "job", "worker", "instance", server.address());
        assertThat(awaitSamples(jobs, s -> !s.isEmpty()).get(0).value()).isEqualTo(7);
        assertThat(store.seriesNamed("jobs_created")).isEmpty();
        assertThat(store.metadata().get("jobs").type()).isEqualTo(MetricType.COUNTER);
    }

    @Test
    void refusedConnectionMakesTheTargetDown() throws IOException {
        String address;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            address = "127.0.0.1:" + socket.getLocalPort();
        }
        manager.apply(settings(job("gone", address)));

        assertDown("gone", address, "connection refused");
    }

    @Test
    void slowTargetTimesOut() {
        server.answer(new Answer(200, FixtureServer.TEXT, "m 1\n", false, 3_000));
        manager.apply(settings(job("slow", server.address())));

        assertDown("slow", server.address(), "deadline exceeded");
    }

    @Test
    void serverErrorMakesTheTargetDown() {
        server.answer(new Answer(500, FixtureServer.TEXT, "oops", false, 0));
        manager.apply(settings(job("broken", server.address())));

        assertDown("broken", server.address(), "server returned HTTP status 500");
    }

    @Test
    void malformedBodyFailsTheWholeScrape() {
        server.text("good 1\nbad{ 2\n");
        manager.apply(settings(job("bad", server.address())));

        assertDown("bad", server.address(), "line 2:");
        assertThat(store.seriesNamed("good")).isEmpty();
        assertThat(meters.get(ScrapeMeters.SCRAPES).tags("job", "bad", "outcome", "failure").counter().count()).isPositive();
    }

    @Test
    void aSeriesThatDisappearsGetsAStaleMarker() {
        server.text("a 1\nb 2\n");
        manager.apply(settings(job("node", server.address())));
        Labels b = Labels.of("__name__", "b", "job", "node", "instance", server.address());
        awaitSamples(b, s -> !s.isEmpty());

        server.text("a 1\n");

        awaitSamples(b, s -> StaleMarker.isStale(last(s).value()));
        Labels a = Labels.of("__name__", "a", "job", "node", "instance", server.address());
        assertThat(store.samples(a)).noneMatch(s -> StaleMarker.isStale(s.value()));
    }

    @Test
    void aFailingTargetGetsStaleMarkersForEverySeries() {
        server.text("a 1\n");
        manager.apply(settings(job("node", server.address())));
        Labels a = Labels.of("__name__", "a", "job", "node", "instance", server.address());
        awaitSamples(a, s -> !s.isEmpty());

        server.answer(new Answer(500, FixtureServer.TEXT, "", false, 0));

        awaitSamples(a, s -> StaleMarker.isStale(last(s).value()));
        assertThat(last(awaitSamples(report("up", "node"), s -> last(s).value() == 0)).value()).isZero();
    }

    @Test
    void aTargetRemovedByApplyGetsStaleMarkers() {
        server.text("a 1\n");
        manager.apply(settings(job("node", server.address())));
        Labels a = Labels.of("__name__", "a", "job", "node", "instance", server.address());
        awaitSamples(a, s -> !s.isEmpty());

        manager.apply(settings());

        assertThat(StaleMarker.isStale(last(store.samples(a)).value())).isTrue();
        assertThat(StaleMarker.isStale(last(store.samples(report("up", "node"))).value())).isTrue();
        assertThat(manager.targets()).isEmpty();
    }

    @Test
    void unchangedTargetsKeepRunningAcrossApply() {
        server.text("a 1\n");
        ScrapeJob node = job("node", server.address());
        manager.apply(settings(node));
        Await.until("the target is up", WAIT, () -> manager.targets().get(0), t -> t.health() == TargetStatus.Health.UP);

        manager.apply(settings(node, job("other", "127.0.0.1:1")));

        assertThat(manager.targets()).hasSize(2);
        assertThat(manager.targets().get(0).health()).isEqualTo(TargetStatus.Health.UP);
        Labels a = Labels.of("__name__", "a", "job", "node", "instance", server.address());
        assertThat(store.samples(a)).noneMatch(s -> StaleMarker.isStale(s.value()));
    }

    @Test
    void conflictingExposedLabelsAreRenamedUnlessHonored() {
        server.text("m{job=\"exposed\",instance=\"elsewhere\",x=\"1\"} 5\n");
        manager.apply(settings(job("renamed", server.address()), with(job("honored", server.address()), Map.of(), true, true, 0)));

        awaitSamples(Labels.of("__name__", "m", "job", "renamed", "instance", server.address(), "exported_job", "exposed",
                "exported_instance", "elsewhere", "x", "1"), s -> !s.isEmpty());
        awaitSamples(Labels.of("__name__", "m", "job", "exposed", "instance", "elsewhere", "x", "1"), s -> !s.isEmpty());
    }

    @Test
    void exposedTimestampsAreUsedOnlyWhenHonored() {
        long exposed = System.currentTimeMillis() - 3_600_000;
        server.text("m 1 " + exposed + "\n");
        manager.apply(settings(job("honored", server.address()), with(job("ignored", server.address()), Map.of(), false, false, 0)));

        List<Sample> honored = awaitSamples(Labels.of("__name__", "m", "job", "honored", "instance", server.address()), s -> !s.isEmpty());
        assertThat(honored.get(0).timestamp()).isEqualTo(exposed);
        List<Sample> ignored = awaitSamples(Labels.of("__name__", "m", "job", "ignored", "instance", server.address()), s -> !s.isEmpty());
        assertThat(ignored.get(0).timestamp()).isNotEqualTo(exposed);
        // the scrape's own time, which its up sample carries too (a slow machine may have failed an earlier scrape)
        long scraped = ignored.get(0).timestamp();
        awaitSamples(report("up", "ignored"), up -> up.stream().anyMatch(s -> s.timestamp() == scraped && s.value() == 1));
    }

    @Test
    void exceedingTheSampleLimitFailsTheScrape() {
        server.text("a 1\nb 2\nc 3\n");
        manager.apply(settings(with(job("limited", server.address()), Map.of(), false, true, 2), with(job("roomy", server.address()), Map.of(), false, true, 3)));

        assertDown("limited", server.address(), "sample limit exceeded");
        assertThat(store.seriesNamed("a")).allMatch(l -> "roomy".equals(l.get("job")));
        awaitSamples(Labels.of("__name__", "c", "job", "roomy", "instance", server.address()), s -> !s.isEmpty());
    }

    @Test
    void samplesTheStoreRefusesAreCountedWithoutFailingTheScrape() {
        server.text("dup 1\ndup 2\nother 3\n");
        manager.apply(settings(job("node", server.address())));

        long scraped = awaitSamples(Labels.of("__name__", "other", "job", "node", "instance", server.address()), s -> !s.isEmpty())
                .get(0).timestamp();
        // the scrape that stored the other samples succeeded (a slow machine may have timed an earlier one out)
        awaitSamples(report("up", "node"), up -> up.stream().anyMatch(s -> s.timestamp() == scraped && s.value() == 1));
        assertThat(store.samples(Labels.of("__name__", "dup", "job", "node", "instance", server.address()))).allMatch(s -> s.value() == 1);
        // the loop counts refusals just after it commits, so the counter may appear a moment after the samples
        Await.until("a counted duplicate_timestamp refusal", WAIT,
                () -> meters.find(ScrapeMeters.SAMPLES_REJECTED).tags("reason", "duplicate_timestamp").counter(),
                c -> c != null && c.count() > 0);
    }

    @Test
    void internalTargetsAreScrapedFromTheirSupplier() {
        manager.addInternalTarget("vigil", "self", Duration.ofMillis(100), () -> "# TYPE uptime gauge\nuptime 42\n# EOF\n");

        Labels uptime = Labels.of("__name__", "uptime", "job", "vigil", "instance", "self");
        assertThat(awaitSamples(uptime, s -> !s.isEmpty()).get(0).value()).isEqualTo(42);
        assertThat(manager.targets()).singleElement().satisfies(t -> assertThat(t.job()).isEqualTo("vigil"));
    }

    @Test
    void closeWritesStaleMarkersAndStopsEveryThread() {
        server.text("a 1\n");
        manager.apply(settings(job("node", server.address())));
        Labels a = Labels.of("__name__", "a", "job", "node", "instance", server.address());
        awaitSamples(a, s -> !s.isEmpty());

        manager.close();

        assertThat(StaleMarker.isStale(last(store.samples(a)).value())).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("vigil-scrape-") && t.isAlive());
    }

    private void assertDown(String job, String instance, String error) {
        Labels up = Labels.of("__name__", "up", "job", job, "instance", instance);
        // A cold first request may time out before the failure under test shows, hence the wait for the error.
        TargetStatus status = Await.until("target " + instance + " of " + job + " down with " + error, WAIT,
                () -> manager.targets().stream().filter(t -> t.job().equals(job)).findFirst().orElseThrow(),
                t -> t.health() == TargetStatus.Health.DOWN && t.lastError() != null && t.lastError().contains(error));
        assertThat(status.lastScrape()).isNotNull();
        assertThat(store.samples(up)).isNotEmpty().allMatch(s -> s.value() == 0);
    }

    private List<Sample> awaitSamples(Labels labels, Predicate<List<Sample>> condition) {
        return Await.until("samples of " + labels, WAIT, () -> store.samples(labels), s -> !s.isEmpty() && condition.test(s));
    }

    private Labels report(String metric, String job, String... more) {
        Labels.Builder b = Labels.of(more).toBuilder();
        return b.set("__name__", metric).set("job", job).set("instance", server.address()).build();
    }

    private static Sample last(List<Sample> samples) {
        return samples.get(samples.size() - 1);
    }

    private static ScrapeSettings settings(ScrapeJob... jobs) {
        return new ScrapeSettings(Duration.ofMillis(200), Duration.ofMillis(200), List.of(jobs));
    }

    private static ScrapeJob job(String name, String target) {
        return ScrapeJob.of(name, List.of(target));
    }

    private static ScrapeJob with(ScrapeJob job, Map<String, String> labels, boolean honorLabels, boolean honorTimestamps, int sampleLimit) {
        return new ScrapeJob(job.name(), job.interval(), job.timeout(), job.metricsPath(), job.scheme(), job.targets(), labels,
                honorLabels, honorTimestamps, sampleLimit);
    }
}
