package dev.vigil.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterRegistriesTest {

    private final PrometheusMeterRegistry platform = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MeterRegistries registries = new MeterRegistries(platform, TimeUnit.SECONDS, Clock.SYSTEM);

    @Test
    void aConsumerRecordsOnThePlatformsOwnMeters() {
        MeterRegistry alpha = registries.create("alpha");

        Counter counter = Counter.builder("jobs.done").tag("queue", "mail").baseUnit("jobs").description("Jobs done").register(alpha);
        counter.increment(3);
        Timer timer = Timer.builder("job.duration").description("How long a job takes").publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100)).register(alpha);
        timer.record(Duration.ofMillis(40));

        assertThat(counter).isSameAs(platform.get("jobs.done").tag("queue", "mail").counter());
        assertThat(timer).isSameAs(platform.get("job.duration").timer());
        String text = platform.scrape();
        assertThat(text)
                .contains("# HELP jobs_done_jobs_total Jobs done")
                .contains("jobs_done_jobs_total{queue=\"mail\"} 3.0")
                .contains("job_duration_seconds_bucket{le=\"0.1\"} 1");
    }

    @Test
    void everyKindOfMeterReachesThePlatform() {
        MeterRegistry alpha = registries.create("alpha");
        AtomicInteger depth = new AtomicInteger(7);

        Gauge.builder("queue.depth", depth, AtomicInteger::get).description("Depth").register(alpha);
        DistributionSummary.builder("payload.size").baseUnit("bytes").description("Payload sizes").register(alpha).record(512);
        LongTaskTimer.builder("sweep.active").description("Sweeps running").register(alpha);
        FunctionCounter.builder("retries", depth, AtomicInteger::get).description("Retries").register(alpha);
        TimeGauge.builder("lag", depth, TimeUnit.MILLISECONDS, AtomicInteger::get).description("Lag").register(alpha);

        String text = platform.scrape();
        assertThat(text)
                .contains("queue_depth 7.0")
                .contains("payload_size_bytes_sum 512.0")
                .contains("sweep_active_seconds_count 0")
                .contains("retries_total 7.0")
                .contains("lag_seconds 0.007");
    }

    @Test
    void aConsumersMetersLeaveWithIt() {
        MeterRegistry alpha = registries.create("alpha");
        MeterRegistry beta = registries.create("beta");
        Counter.builder("alpha.only").description("a").register(alpha).increment();
        Counter.builder("beta.only").description("b").register(beta).increment();

        registries.release("alpha", alpha);

        assertThat(platform.find("alpha.only").meters()).isEmpty();
        assertThat(platform.find("beta.only").meters()).hasSize(1);
        assertThat(platform.scrape()).doesNotContain("alpha_only").contains("beta_only_total");
    }

    @Test
    void aMeterSharedByTwoConsumersStaysUntilTheLastOneGoes() {
        MeterRegistry alpha = registries.create("alpha");
        MeterRegistry beta = registries.create("beta");
        Counter fromAlpha = Counter.builder("shared.events").description("Shared").register(alpha);
        Counter fromBeta = Counter.builder("shared.events").description("Shared").register(beta);
        assertThat(fromAlpha).isSameAs(fromBeta);

        registries.release("alpha", alpha);
        assertThat(platform.find("shared.events").counter()).isSameAs(fromBeta);

        registries.release("beta", beta);
        assertThat(platform.find("shared.events").meters()).isEmpty();
    }

    @Test
    void aMeterAConsumerRemovesItselfLeavesThePlatformToo() {
        MeterRegistry alpha = registries.create("alpha");
        Counter counter = Counter.builder("short.lived").description("s").register(alpha);

        alpha.remove(counter);

        assertThat(platform.find("short.lived").meters()).isEmpty();
    }
}
