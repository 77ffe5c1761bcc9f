package dev.vigil.metrics.store.wal;

import dev.vigil.api.metrics.Labels;
import java.nio.ByteBuffer;

/** The record types of the logs and how their payloads are laid out. */
public final class Records {

    /** Samples: a count, then for each the series id and timestamp as deltas and the value XOR the previous value. */
    public static final byte SAMPLES = 1;

    /** Series: a count, then for each its id as a delta, its label count, then names and values. */
    public static final byte SERIES = 2;

    /** Receives decoded samples. */
    @FunctionalInterface
    public interface SampleSink {
        /** One sample of series {@code seriesId}. */
        void sample(int seriesId, long timestamp, long valueBits);
    }

    /** Receives decoded series. */
    @FunctionalInterface
    public interface SeriesSink {
        /** The series {@code id} has {@code labels}. */
        void series(int id, Labels labels);
    }

    private Records() {}

    /**
     * Appends a samples record of the first {@code count} entries of the arrays to {@code out}. Each sample
     * is stored as the difference of its series id and timestamp from the sample before it, and its value
     * as the XOR with the value before it, so that the neighbours a request usually holds (ids in sequence,
     * one timestamp, similar values) take a few bytes.
     */
    public static void writeSamples(RecordBuffer out, int[] ids, long[] timestamps, long[] valueBits, int count) {
        out.start(SAMPLES).putVarint(count);
        long previousId = 0;
        long previousTime = 0;
        long previousBits = 0;
        for (int i = 0; i < count; i++) {
            long id = ids[i] & 0xffffffffL;
            out.putSignedVarint(id - previousId).putSignedVarint(timestamps[i] - previousTime)
                    .putPackedLong(valueBits[i] ^ previousBits);
            previousId = id;
            previousTime = timestamps[i];
            previousBits = valueBits[i];
        }
        out.finish();
    }

    /**
     * Appends one series record of the first {@code count} series to {@code out}: ids as differences from
     * the one before, then each series' label count, names and values.
     */
    public static void writeSeries(RecordBuffer out, int[] ids, Labels[] labels, int count) {
        out.start(SERIES).putVarint(count);
        long previousId = 0;
        for (int s = 0; s < count; s++) {
            long id = ids[s] & 0xffffffffL;
            Labels l = labels[s];
            out.putSignedVarint(id - previousId).putVarint(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.putString(l.name(i)).putString(l.value(i));
            }
            previousId = id;
        }
        out.finish();
    }

    /** Decodes a samples payload. */
    public static void readSamples(ByteBuffer payload, SampleSink sink) {
        RecordInput in = new RecordInput(payload);
        long count = in.varint();
        long id = 0;
        long time = 0;
        long bits = 0;
        for (long i = 0; i < count; i++) {
            id += in.signedVarint();
            time += in.signedVarint();
            bits ^= in.packedLong();
            sink.sample((int) id, time, bits);
        }
    }

    /** Decodes a series payload. */
    public static void readSeries(ByteBuffer payload, SeriesSink sink) {
        RecordInput in = new RecordInput(payload);
        long count = in.varint();
        long id = 0;
        for (long s = 0; s < count; s++) {
            id += in.signedVarint();
            int n = Math.toIntExact(in.varint());
            Labels.Builder builder = Labels.builder();
            for (int i = 0; i < n; i++) {
                builder.add(in.string(), in.string());
            }
            sink.series((int) id, builder.build());
        }
    }
}
