package dev.vigil.metrics.store.wal;

import dev.vigil.api.metrics.Labels;
import java.nio.ByteBuffer;

/** The record types of the logs and how their payloads are laid out. */
public final class Records {

    /** Samples: a count, then for each a series id, the timestamp as a delta from the previous, and the value bits. */
    public static final byte SAMPLES = 1;

    /** One series: its id, its label count, then names and values. */
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

    /** Appends a samples record of the first {@code count} entries of the arrays to {@code out}. */
    public static void writeSamples(RecordBuffer out, int[] ids, long[] timestamps, long[] valueBits, int count) {
        out.start(SAMPLES).putVarint(count);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            out.putVarint(ids[i] & 0xffffffffL).putSignedVarint(timestamps[i] - previous).putLong(valueBits[i]);
            previous = timestamps[i];
        }
        out.finish();
    }

    /** Appends a series record to {@code out}. */
    public static void writeSeries(RecordBuffer out, int id, Labels labels) {
        out.start(SERIES).putVarint(id & 0xffffffffL).putVarint(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.putString(labels.name(i)).putString(labels.value(i));
        }
        out.finish();
    }

    /** Decodes a samples payload. */
    public static void readSamples(ByteBuffer payload, SampleSink sink) {
        RecordInput in = new RecordInput(payload);
        long count = in.varint();
        long time = 0;
        for (long i = 0; i < count; i++) {
            int id = (int) in.varint();
            time += in.signedVarint();
            sink.sample(id, time, in.getLong());
        }
    }

    /** Decodes a series payload. */
    public static void readSeries(ByteBuffer payload, SeriesSink sink) {
        RecordInput in = new RecordInput(payload);
        int id = (int) in.varint();
        int n = Math.toIntExact(in.varint());
        Labels.Builder builder = Labels.builder();
        for (int i = 0; i < n; i++) {
            builder.add(in.string(), in.string());
        }
        sink.series(id, builder.build());
    }
}
