package dev.vigil.metrics.remotewrite;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The meters of one {@link RemoteWriteExporter}, all tagged {@code remote=<name>}. */
final class ExporterMeters {

    private static final String SAMPLES = "vigil.remote.write.samples";

    final Counter sent;
    final Counter failed;
    final Counter dropped;
    final Counter retried;
    final Timer send;
    private final AtomicLong highestSentMillis = new AtomicLong(Long.MIN_VALUE);
    private final MeterRegistry registry;
    private final List<Gauge> gauges;

    ExporterMeters(MeterRegistry registry, String remote, Collection<?> queue, int capacity) {
        this.registry = registry;
        Tags tags = Tags.of("remote", remote);
        this.sent = samples(registry, tags, "sent", "Samples the remote accepted");
        this.failed = samples(registry, tags, "failed", "Samples the remote refused, or given up on at shutdown");
        this.dropped = samples(registry, tags, "dropped", "Samples dropped before sending: the queue was full or closed");
        this.retried = samples(registry, tags, "retried", "Samples sent again after a failure worth retrying");
        this.send = Timer.builder("vigil.remote.write.send").description("Time of each remote write request")
                .tags(tags).register(registry);
        this.gauges = List.of(
                Gauge.builder("vigil.remote.write.queue.samples", queue, Collection::size)
                        .description("Samples waiting to be sent").tags(tags).register(registry),
                Gauge.builder("vigil.remote.write.queue.capacity", () -> capacity)
                        .description("How many samples the queue holds at most").tags(tags).register(registry),
                Gauge.builder("vigil.remote.write.highest.sent.timestamp", highestSentMillis,
                                h -> h.get() == Long.MIN_VALUE ? 0 : h.get() / 1000.0)
                        .description("The newest sample timestamp the remote accepted").baseUnit("seconds")
                        .tags(tags).register(registry));
    }

    void sentUpTo(long timestampMillis) {
        highestSentMillis.accumulateAndGet(timestampMillis, Math::max);
    }

    /** Removes the gauges, which refer to this exporter's queue; the counters and timer live on. */
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    private static Counter samples(MeterRegistry registry, Tags tags, String outcome, String description) {
        return Counter.builder(SAMPLES).description(description).tags(tags).tag("outcome", outcome).register(registry);
    }
}
