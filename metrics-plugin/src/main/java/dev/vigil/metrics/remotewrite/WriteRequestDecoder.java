package dev.vigil.metrics.remotewrite;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
         * @param ref the store's reference for the series when it was stored before, else 0
         * @param timestamps the samples' timestamps, the first {@code count} of them
         * @param values the samples' values, the first {@code count} of them
         * @param count how many samples
         * @return the store's reference for the series once stored, or 0 when it was not
         */
        long series(Labels labels, long ref, long[] timestamps, double[] values, int count);

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
    private final @Nullable SeriesCache cache;
    private final @Nullable LabelStrings strings;
    private final SeriesCache.Probe probe = new SeriesCache.Probe();
    private long[] timestamps = new long[16];
    private double[] values = new double[16];

    /**
     * A decoder.
     *
     * @param cache where series are looked up, and those stored are added; none when null
     * @param strings where the label names and values of new series are pooled; none when null
     */
    WriteRequestDecoder(@Nullable SeriesCache cache, @Nullable LabelStrings strings) {
        this.cache = cache;
        this.strings = strings;
    }

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
                    int size = readLength(in);
                    int limit = in.pushLimit(size);
                    int from = in.getTotalBytesRead();
                    readSeries(in, buffer, from, from + size, visitor);
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

    private void readSeries(CodedInputStream in, byte[] buffer, int from, int to, Visitor visitor) throws IOException {
        int count = 0;
        int histograms = 0;
        // the label fields, when they are one run of bytes: the key of the series in the cache
        int labelsFrom = -1;
        int labelsTo = -1;
        boolean contiguous = true;
        while (!in.isAtEnd()) {
            int at = in.getTotalBytesRead();
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == SERIES_LABEL && isLengthDelimited(tag)) {
                if (labelsFrom < 0) {
                    labelsFrom = at;
                } else if (labelsTo != at) {
                    contiguous = false;
                }
                // decoded only for a series not seen before
                in.skipRawBytes(readLength(in));
                labelsTo = in.getTotalBytesRead();
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
        boolean cacheable = cache != null && contiguous && labelsFrom >= 0;
        SeriesCache.Entry known = cacheable ? cache.get(probe, buffer, labelsFrom, labelsTo) : null;
        if (known != null) {
            if (count > 0) {
                long ref = visitor.series(known.labels(), known.ref(), timestamps, values, count);
                if (ref > 0 && ref != known.ref()) {
                    cache.put(buffer, labelsFrom, labelsTo, known.labels(), ref);
                }
            }
            return;
        }
        readLabels(buffer, from, to);
        String problem = labels.problem();
        if (problem != null) {
            visitor.invalidSeries(problem, count);
        } else if (count > 0) {
            Labels built = labels.toLabels();
            long ref = visitor.series(built, 0, timestamps, values, count);
            if (cacheable && ref > 0) {
                cache.put(buffer, labelsFrom, labelsTo, built, ref);
            }
        }
    }

    private void readLabels(byte[] buffer, int from, int to) throws IOException {
        labels.clear();
        CodedInputStream in = CodedInputStream.newInstance(buffer, from, to - from);
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == SERIES_LABEL && isLengthDelimited(tag)) {
                int limit = in.pushLimit(readLength(in));
                readLabel(in);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
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
        labels.add(strings == null ? name : strings.intern(name), strings == null ? value : strings.intern(value));
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
