package dev.vigil.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM and system meters, from Micrometer's own binders: CPU, memory, garbage collection, threads, class
 * loading, disk space of the data folder, file descriptors and uptime.
 */
final class SystemMeters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemMeters.class);

    /**
     * Keeps the exposition clean for {@code promtool check metrics}: the process CPU time that
     * {@link ProcessorMetrics} counts in nanoseconds is left out (its name would carry an abbreviated unit;
     * {@code process_cpu_usage} remains), and the gauge {@code system.cpu.count}, whose {@code _count} suffix
     * Prometheus reserves for histograms and summaries, is published as {@code system.cpu.logical.processors}.
     */
    static final MeterFilter PROMETHEUS_NAMING = new MeterFilter() {
        @Override
        public MeterFilterReply accept(Meter.Id id) {
            return id.getName().equals("process.cpu.time")
                    ? MeterFilterReply.DENY
                    : MeterFilterReply.NEUTRAL;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.logical.processors") : id;
        }
    };

    /** Binders that hold listeners on the JVM's management beans until closed. */
    private final List<AutoCloseable> closeables;

    private SystemMeters(List<AutoCloseable> closeables) {
        this.closeables = closeables;
    }

    static SystemMeters bindTo(MeterRegistry registry, Path dataDirectory) {
        registry.config().meterFilter(PROMETHEUS_NAMING);
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        heapPressure.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new DiskSpaceMetrics(dataDirectory.toFile()).bindTo(registry);
        return new SystemMeters(List.of(gc, heapPressure));
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("could not unbind {}", closeable.getClass().getSimpleName(), e);
            }
        }
    }
}
