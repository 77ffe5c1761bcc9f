package dev.vigil.metrics.remotewrite;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a {@code prometheus.WriteRequest} (remote write 1.0) straight from its bytes, handing each series to
 * a {@link Visitor} without building a message object per series or per sample. Unknown fields are skipped;
 * exemplars are skipped; native histograms are counted and skipped. One request at a time; not thread-safe.
 */
final class WriteRequestDecoder {

    /** Receives what the request holds, in the order it arrives. */
    interface Visitor {

        /**
         * A valid series and its samples; the arrays are reused after the call returns.
         *
         * @param labels the labels, checked
         * @param timestamps the samples' timestamps, the first {@code count} of them
         * @param values the samples' values, the first {@code count} of them
         * @param count how many samples
         */
        void series(SeriesLabels labels, long[] timestamps, double[] values, int count);

        /** A series whose labels break the rules; {@code problem} names it. */
        void invalidSeries(String problem, int samples);

        /** {@code count} native histogram samples that were skipped. */
        void unsupportedHistograms(int count);

        /** The metadata of a metric family. */
        void metadata(String family, MetricMetadata metadata);
    }

    // field numbers of prometheus.WriteRequest, TimeSeries, Label, Sample and MetricMetadata
    private static final int REQUEST_TIMESERIES = 1;
    private static final int REQUEST_METADATA = 3;
    private static final int SERIES_LABEL = 1;
    private static final int SERIES_SAMPLE = 2;
    private static final int SERIES_HISTOGRAM = 4;
    private static final int LABEL_NAME = 1;
    private static final int LABEL_VALUE = 2;
    private static final int SAMPLE_VALUE = 1;
    private static final int SAMPLE_TIMESTAMP = 2;
    private static final int METADATA_TYPE = 1;
    private static final int METADATA_FAMILY = 2;
    private static final int METADATA_HELP = 4;
    private static final int METADATA_UNIT = 5;

    private final SeriesLabels labels = new SeriesLabels();
    private long[] timestamps = new long[16];
    private double[] values = new double[16];

    /**
     * Decodes {@code length} bytes of {@code buffer}.
     *
     * @throws InvalidProtocolBufferException if the bytes are not a valid message
     */
    void decode(byte[] buffer, int length, Visitor visitor) throws InvalidProtocolBufferException {
        CodedInputStream in = CodedInputStream.newInstance(buffer, 0, length);
        // the default recursion and size limits are for generated parsers; this reader does not recurse
        in.setSizeLimit(Integer.MAX_VALUE);
        try {
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    return;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == REQUEST_TIMESERIES && isLengthDelimited(tag)) {
                    int limit = in.pushLimit(readLength(in));
                    readSeries(in, visitor);
                    in.popLimit(limit);
                } else if (field == REQUEST_METADATA && isLengthDelimited(tag)) {
                    int limit = in.pushLimit(readLength(in));
                    readMetadata(in, visitor);
                    in.popLimit(limit);
                } else if (!in.skipField(tag)) {
                    throw new InvalidProtocolBufferException("unexpected end-group tag in the request");
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            // reading from an array cannot fail for I/O; anything else is a malformed message
            throw new InvalidProtocolBufferException(e);
        }
    }

    private void readSeries(CodedInputStream in, Visitor visitor) throws IOException {
        labels.clear();
        int count = 0;
        int histograms = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == SERIES_LABEL && isLengthDelimited(tag)) {
                int limit = in.pushLimit(readLength(in));
                readLabel(in);
                in.popLimit(limit);
            } else if (field == SERIES_SAMPLE && isLengthDelimited(tag)) {
                if (count == timestamps.length) {
                    timestamps = Arrays.copyOf(timestamps, count * 2);
                    values = Arrays.copyOf(values, count * 2);
                }
                int limit = in.pushLimit(readLength(in));
                readSample(in, count);
                in.popLimit(limit);
                count++;
            } else {
                if (field == SERIES_HISTOGRAM) {
                    histograms++;
                }
                in.skipField(tag);
            }
        }
        if (histograms > 0) {
            visitor.unsupportedHistograms(histograms);
        }
        String problem = labels.problem();
        if (problem != null) {
            visitor.invalidSeries(problem, count);
        } else if (count > 0) {
            visitor.series(labels, timestamps, values, count);
        }
    }

    private void readLabel(CodedInputStream in) throws IOException {
        String name = "";
        String value = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == LABEL_NAME && isLengthDelimited(tag)) {
                name = in.readString();
            } else if (field == LABEL_VALUE && isLengthDelimited(tag)) {
                value = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        labels.add(name, value);
    }

    private void readSample(CodedInputStream in, int index) throws IOException {
        double value = 0;
        long timestamp = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (field == SAMPLE_VALUE && wireType == WireFormat.WIRETYPE_FIXED64) {
                value = in.readDouble();
            } else if (field == SAMPLE_TIMESTAMP && wireType == WireFormat.WIRETYPE_VARINT) {
                timestamp = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        timestamps[index] = timestamp;
        values[index] = value;
    }

    private static void readMetadata(CodedInputStream in, Visitor visitor) throws IOException {
        int type = 0;
        String family = "";
        String help = "";
        String unit = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            boolean delimited = isLengthDelimited(tag);
            if (field == METADATA_TYPE && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                type = in.readEnum();
            } else if (field == METADATA_FAMILY && delimited) {
                family = in.readString();
            } else if (field == METADATA_HELP && delimited) {
                help = in.readString();
            } else if (field == METADATA_UNIT && delimited) {
                unit = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        if (!family.isEmpty()) {
            visitor.metadata(family, new MetricMetadata(metricType(type), help, unit));
        }
    }

    /** The {@code MetricMetadata.MetricType} enum of remote write 1.0. */
    static MetricType metricType(int number) {
        return switch (number) {
            case 1 -> MetricType.COUNTER;
            case 2 -> MetricType.GAUGE;
            case 3 -> MetricType.HISTOGRAM;
            case 4 -> MetricType.GAUGE_HISTOGRAM;
            case 5 -> MetricType.SUMMARY;
            case 6 -> MetricType.INFO;
            case 7 -> MetricType.STATESET;
            default -> MetricType.UNKNOWN;
        };
    }

    private static int readLength(CodedInputStream in) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative length in a nested message");
        }
        return length;
    }

    private static boolean isLengthDelimited(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }
}
