package dev.vigil.metrics.remotewrite;

import com.google.protobuf.CodedOutputStream;
import io.airlift.compress.snappy.SnappyCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes {@code prometheus.WriteRequest} messages field by field for tests, including ones a correct sender
 * would not write (labels in any order, repeated names), independently of the exporter's encoder.
 */
final class WriteRequestBuilder {

    private final ByteArrayOutputStream request = new ByteArrayOutputStream();

    /** Starts a time series with labels given as alternating names and values, written in that order. */
    SeriesBuilder series(String... namesAndValues) {
        return new SeriesBuilder(namesAndValues);
    }

    /** Adds a {@code MetricMetadata}. */
    WriteRequestBuilder metadata(int type, String family, String help, String unit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, out -> {
            out.writeEnum(1, type);
            out.writeString(2, family);
            out.writeString(4, help);
            out.writeString(5, unit);
        });
        writeField(request, 3, bytes.toByteArray());
        return this;
    }

    /** The uncompressed message. */
    byte[] message() {
        return request.toByteArray();
    }

    /** The message compressed with snappy (block format), as remote write sends it. */
    byte[] snappy() {
        return compress(message());
    }

    static byte[] compress(byte[] message) {
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(message.length)];
        int n = compressor.compress(message, 0, message.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    /** One {@code TimeSeries} being written. */
    final class SeriesBuilder {
        private final ByteArrayOutputStream series = new ByteArrayOutputStream();

        private SeriesBuilder(String[] namesAndValues) {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                String name = namesAndValues[i];
                String value = namesAndValues[i + 1];
                ByteArrayOutputStream label = new ByteArrayOutputStream();
                write(label, out -> {
                    out.writeString(1, name);
                    out.writeString(2, value);
                });
                writeField(series, 1, label.toByteArray());
            }
        }

        SeriesBuilder sample(long timestamp, double value) {
            ByteArrayOutputStream sample = new ByteArrayOutputStream();
            write(sample, out -> {
                out.writeDouble(1, value);
                out.writeInt64(2, timestamp);
            });
            writeField(series, 2, sample.toByteArray());
            return this;
        }

        /** Adds a native histogram with only a timestamp, which the receiver does not support. */
        SeriesBuilder histogram(long timestamp) {
            ByteArrayOutputStream histogram = new ByteArrayOutputStream();
            write(histogram, out -> out.writeInt64(15, timestamp));
            writeField(series, 4, histogram.toByteArray());
            return this;
        }

        /** Ends the series. */
        WriteRequestBuilder end() {
            writeField(request, 1, series.toByteArray());
            return WriteRequestBuilder.this;
        }
    }

    private interface Writes {
        void to(CodedOutputStream out) throws IOException;
    }

    private static void write(ByteArrayOutputStream target, Writes writes) {
        try {
            CodedOutputStream out = CodedOutputStream.newInstance(target);
            writes.to(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeField(ByteArrayOutputStream target, int field, byte[] message) {
        write(target, out -> out.writeByteArray(field, message));
    }
}
