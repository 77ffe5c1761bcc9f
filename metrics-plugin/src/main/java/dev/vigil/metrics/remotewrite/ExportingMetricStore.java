package dev.vigil.metrics.remotewrite;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricStoreStats;
import dev.vigil.api.metrics.SampleRejectedException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link MetricStore} that forwards what it stores to remote write exporters. Its appenders pass every call
 * to the delegate's appender and remember the samples the delegate took; once the delegate's commit has
 * succeeded, each of them is {@linkplain RemoteWriteExporter#offer offered} to every exporter the supplier
 * returns at that moment, so exporters can be added and removed at run time. Samples the delegate refused,
 * and batches that were not committed, are not exported. Queries, metadata and stats go to the delegate.
 *
 * <p>The supplier is asked once when an appender opens (when it returns no exporter, the appender remembers
 * nothing) and once on commit. Thread-safe as the delegate is; each appender is used by one thread.
 */
public final class ExportingMetricStore implements MetricStore {

    private final MetricStore delegate;
    private final Supplier<List<RemoteWriteExporter>> exporters;

    /**
     * A store that exports what {@code delegate} takes.
     *
     * @param delegate the store that keeps the samples
     * @param exporters the exporters to feed, asked again for every batch
     */
    public ExportingMetricStore(MetricStore delegate, Supplier<List<RemoteWriteExporter>> exporters) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.exporters = requireNonNull(exporters, "exporters is null");
    }

    @Override
    public MetricAppender appender() {
        MetricAppender appender = delegate.appender();
        return exporters.get().isEmpty() ? new ExportingAppender(appender, false) : new ExportingAppender(appender, true);
    }

    @Override
    public MetricQuerier querier(long minTime, long maxTime) {
        return delegate.querier(minTime, maxTime);
    }

    @Override
    public Map<String, MetricMetadata> metadata() {
        return delegate.metadata();
    }

    @Override
    public MetricStoreStats stats() {
        return delegate.stats();
    }

    private final class ExportingAppender implements MetricAppender {
        private final MetricAppender appender;
        private final boolean remember;
        private Labels[] labels = new Labels[0];
        private long[] timestamps = new long[0];
        private double[] values = new double[0];
        private int count;

        ExportingAppender(MetricAppender appender, boolean remember) {
            this.appender = appender;
            this.remember = remember;
        }

        @Override
        public long append(long ref, Labels series, long timestamp, double value) throws SampleRejectedException {
            long result = appender.append(ref, series, timestamp, value);
            if (remember) {
                if (count == labels.length) {
                    int size = Math.max(16, count * 2);
                    labels = Arrays.copyOf(labels, size);
                    timestamps = Arrays.copyOf(timestamps, size);
                    values = Arrays.copyOf(values, size);
                }
                labels[count] = series;
                timestamps[count] = timestamp;
                values[count] = value;
                count++;
            }
            return result;
        }

        @Override
        public void metadata(String family, MetricMetadata metadata) {
            appender.metadata(family, metadata);
        }

        @Override
        public int commit() {
            int committed = appender.commit();
            if (count > 0) {
                for (RemoteWriteExporter exporter : exporters.get()) {
                    for (int i = 0; i < count; i++) {
                        exporter.offer(labels[i], timestamps[i], values[i]);
                    }
                }
                forget();
            }
            return committed;
        }

        @Override
        public void close() {
            appender.close();
            forget();
        }

        private void forget() {
            labels = new Labels[0];
            timestamps = new long[0];
            values = new double[0];
            count = 0;
        }
    }
}
