package dev.vigil.metrics.remotewrite;

import com.google.protobuf.CodedOutputStream;
import dev.vigil.api.metrics.Labels;
import io.airlift.compress.snappy.SnappyCompressor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of samples as a snappy-compressed {@code prometheus.WriteRequest} (remote write 1.0). The
 * samples of one series become one {@code TimeSeries}, in the order they were given. Stateless.
 */
final class WriteRequestEncoder {

    private WriteRequestEncoder() {}

    /** The snappy-compressed request for {@code batch}. */
    static byte[] encode(List<QueuedSample> batch) {
        byte[] message = encodeMessage(batch);
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] compressed = new byte[compressor.maxCompressedLength(message.length)];
        int length = compressor.compress(message, 0, message.length, compressed, 0, compressed.length);
        return java.util.Arrays.copyOf(compressed, length);
    }

    /** The uncompressed request for {@code batch}. */
    static byte[] encodeMessage(List<QueuedSample> batch) {
        Map<Labels, List<QueuedSample>> bySeries = new LinkedHashMap<>();
        for (QueuedSample sample : batch) {
            bySeries.computeIfAbsent(sample.labels(), l -> new ArrayList<>(1)).add(sample);
        }
        int size = 0;
        int[] seriesSizes = new int[bySeries.size()];
        int i = 0;
        for (Map.Entry<Labels, List<QueuedSample>> e : bySeries.entrySet()) {
            int seriesSize = seriesSize(e.getKey(), e.getValue());
            seriesSizes[i++] = seriesSize;
            size += CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(seriesSize) + seriesSize;
        }
        byte[] out = new byte[size];
        CodedOutputStream stream = CodedOutputStream.newInstance(out);
        try {
            i = 0;
            for (Map.Entry<Labels, List<QueuedSample>> e : bySeries.entrySet()) {
                stream.writeTag(1, 2);
                stream.writeUInt32NoTag(seriesSizes[i++]);
                Labels labels = e.getKey();
                for (int l = 0; l < labels.size(); l++) {
                    stream.writeTag(1, 2);
                    stream.writeUInt32NoTag(labelSize(labels.name(l), labels.value(l)));
                    stream.writeString(1, labels.name(l));
                    stream.writeString(2, labels.value(l));
                }
                for (QueuedSample sample : e.getValue()) {
                    stream.writeTag(2, 2);
                    stream.writeUInt32NoTag(sampleSize(sample));
                    stream.writeDouble(1, sample.value());
                    stream.writeInt64(2, sample.timestamp());
                }
            }
            stream.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("the write request did not fit the size computed for it", e);
        }
        return out;
    }

    private static int seriesSize(Labels labels, List<QueuedSample> samples) {
        int size = 0;
        for (int l = 0; l < labels.size(); l++) {
            int labelSize = labelSize(labels.name(l), labels.value(l));
            size += CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(labelSize) + labelSize;
        }
        for (QueuedSample sample : samples) {
            int sampleSize = sampleSize(sample);
            size += CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(sampleSize) + sampleSize;
        }
        return size;
    }

    private static int labelSize(String name, String value) {
        return CodedOutputStream.computeStringSize(1, name) + CodedOutputStream.computeStringSize(2, value);
    }

    private static int sampleSize(QueuedSample sample) {
        // always written, even when zero, so that the sizes above stay simple to compute
        return CodedOutputStream.computeDoubleSize(1, sample.value()) + CodedOutputStream.computeInt64Size(2, sample.timestamp());
    }
}
