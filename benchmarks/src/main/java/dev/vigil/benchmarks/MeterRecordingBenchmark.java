package dev.vigil.benchmarks;

import dev.vigil.metrics.registry.MeterRegistries;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a plugin pays to record through the platform's {@code MeterRegistry} (the registry the metrics plugin
 * hands each plugin, over the shared Prometheus registry) against a bare Micrometer Prometheus registry (the
 * baseline), for a counter increment and a timer recording, and for looking a counter up by name and tags
 * each time, as code that does not keep its meters does. Report the ratio of the scores of each pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MeterRecordingBenchmark {

    private Counter bareCounter;
    private Timer bareTimer;
    private MeterRegistry bare;
    private Counter platformCounter;
    private Timer platformTimer;
    private MeterRegistry platform;

    @Setup
    public void setUp() {
        bare = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bareCounter = Counter.builder("jobs.done").tag("queue", "mail").register(bare);
        bareTimer = Timer.builder("job.duration").tag("queue", "mail").register(bare);

        PrometheusMeterRegistry shared = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        platform = new MeterRegistries(shared, TimeUnit.SECONDS, Clock.SYSTEM).create("benchmark");
        platformCounter = Counter.builder("jobs.done").tag("queue", "mail").register(platform);
        platformTimer = Timer.builder("job.duration").tag("queue", "mail").register(platform);
    }

    @Benchmark
    public void counterBare() {
        bareCounter.increment();
    }

    @Benchmark
    public void counterPlatform() {
        platformCounter.increment();
    }

    @Benchmark
    public void timerBare() {
        bareTimer.record(1_500, TimeUnit.MICROSECONDS);
    }

    @Benchmark
    public void timerPlatform() {
        platformTimer.record(1_500, TimeUnit.MICROSECONDS);
    }

    @Benchmark
    public void counterLookupBare() {
        bare.counter("jobs.done", "queue", "mail").increment();
    }

    @Benchmark
    public void counterLookupPlatform() {
        platform.counter("jobs.done", "queue", "mail").increment();
    }
}
