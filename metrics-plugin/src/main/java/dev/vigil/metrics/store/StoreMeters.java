package dev.vigil.metrics.store;

import dev.vigil.api.metrics.SampleRejectedException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The store's meters, registered on open and removed on close. */
final class StoreMeters {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter appended;
    private final Map<Reason, Counter> rejected = new EnumMap<>(Reason.class);
    private final Timer maintenance;

    StoreMeters(MeterRegistry registry, Tsdb db) {
        this.registry = registry;
        meters.add(Gauge.builder("vigil.store.series", db, d -> d.seriesCount())
                .description("Series the metric store holds")
                .register(registry));
        meters.add(Gauge.builder("vigil.store.disk.size", db, d -> d.bytesOnDisk())
                .description("Bytes the metric store takes on disk: blocks, write-ahead log and series log")
                .baseUnit("bytes")
                .register(registry));
        meters.add(Gauge.builder("vigil.store.blocks", db, d -> d.blockCount())
                .description("Blocks the metric store holds on disk")
                .register(registry));
        meters.add(Gauge.builder("vigil.store.wal.size", db, d -> d.walBytes())
                .description("Bytes the metric store's write-ahead log takes on disk")
                .baseUnit("bytes")
                .register(registry));
        appended = Counter.builder("vigil.store.samples.appended")
                .description("Samples committed to the metric store")
                .register(registry);
        meters.add(appended);
        for (Reason reason : Reason.values()) {
            Counter counter = Counter.builder("vigil.store.samples.rejected")
                    .description("Samples the metric store refused, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry);
            rejected.put(reason, counter);
            meters.add(counter);
        }
        maintenance = Timer.builder("vigil.store.maintenance")
                .description("Time spent cutting blocks, applying retention and truncating the write-ahead log")
                .register(registry);
        meters.add(maintenance);
    }

    void appended(int samples) {
        appended.increment(samples);
    }

    void rejected(Reason reason) {
        rejected.get(reason).increment();
    }

    Timer maintenance() {
        return maintenance;
    }

    void remove() {
        meters.forEach(registry::remove);
    }
}
