package dev.vigil.metrics.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.SampleRejectedException.Reason;
import dev.vigil.metrics.store.head.MemSeries;
import java.util.HashMap;
import java.util.Map;

/**
 * One batch of samples for a {@link Tsdb}. Checks each sample against its series and against the samples
 * before it in the batch as it comes, so that the commit has little left to do under the store's lock.
 */
final class TsdbAppender implements MetricAppender {

    private final Tsdb db;
    private final long floor;
    private final Map<String, MetricMetadata> metadata = new HashMap<>();
    private final AppendBuffers buffers;
    private int size;
    private boolean done;
    private boolean released;

    TsdbAppender(Tsdb db, long floor, AppendBuffers buffers) {
        this.db = db;
        this.floor = floor;
        this.buffers = buffers;
    }

    @Override
    public long append(long ref, Labels labels, long timestamp, double value) throws SampleRejectedException {
        requireNonNull(labels, "labels is null");
        if (done) {
            throw new IllegalStateException("this appender was already committed or closed");
        }
        MemSeries s = db.series(ref, labels);
        long valueBits = Double.doubleToRawLongBits(value);
        if (timestamp < floor) {
            throw db.reject(Reason.OUT_OF_BOUNDS, "sample of " + labels + " at " + timestamp
                    + " is older than the store accepts (" + floor + ": sealed in a block or past retention)");
        }
        AppendBuffers b = buffers;
        int previous = b.slots.get(s.id());
        long lastTime = previous >= 0 ? b.times[previous] : s.committedTime;
        long lastBits = previous >= 0 ? b.bits[previous] : s.committedBits;
        if (timestamp <= lastTime) {
            if (timestamp < lastTime) {
                throw db.reject(Reason.OUT_OF_ORDER, "sample of " + labels + " at " + timestamp
                        + " is older than its newest sample at " + lastTime);
            }
            if (valueBits != lastBits) {
                throw db.reject(Reason.DUPLICATE_TIMESTAMP, "sample of " + labels + " at " + timestamp
                        + " has a different value than the sample already there");
            }
            return s.id();
        }
        if (size == b.series.length) {
            b.grow(size * 2);
        }
        b.series[size] = s;
        b.times[size] = timestamp;
        b.bits[size] = valueBits;
        b.slots.put(s.id(), size);
        size++;
        return s.id();
    }

    @Override
    public void metadata(String family, MetricMetadata metadata) {
        requireNonNull(family, "family is null");
        requireNonNull(metadata, "metadata is null");
        if (done) {
            throw new IllegalStateException("this appender was already committed or closed");
        }
        this.metadata.put(family, metadata);
    }

    @Override
    public int commit() {
        if (done) {
            throw new IllegalStateException("this appender was already committed or closed");
        }
        done = true;
        int committed = size == 0 ? 0 : db.commit(buffers, size);
        if (!metadata.isEmpty()) {
            db.updateMetadata(metadata);
        }
        release();
        return committed;
    }

    @Override
    public void close() {
        done = true;
        release();
    }

    private void release() {
        if (!released) {
            released = true;
            db.release(buffers, size);
            size = 0;
        }
    }
}
