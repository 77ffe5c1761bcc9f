package dev.vigil.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.vigil.metrics.remotewrite.RemoteWritePayloads;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Remote write request bodies for an ingest load, in rounds: round {@code r} carries the {@code r}-th sample
 * of every series, split into requests of disjoint series. All rounds come from one
 * {@link RemoteWritePayloads#build} body, so every server is sent the same series, timestamps and values.
 */
final class RemoteWriteRounds {

    private static final int TIME_SERIES = 1;
    private static final int LABEL = 1;
    private static final int SAMPLE = 2;

    private final List<List<byte[]>> rounds;

    private RemoteWriteRounds(List<List<byte[]>> rounds) {
        this.rounds = rounds;
    }

    /**
     * Builds {@code rounds} rounds for {@code series} series, 15 seconds apart from {@code startMs}.
     *
     * @param seriesPerRequest how many series each request carries, one sample each
     */
    static RemoteWriteRounds build(int series, int rounds, int seriesPerRequest, long startMs) {
        byte[] whole = decompress(RemoteWritePayloads.build(series, rounds, startMs));
        List<List<byte[]>> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            out.add(new ArrayList<>());
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(whole);
            List<List<ByteString>> batch = new ArrayList<>();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) != TIME_SERIES) {
                    in.skipField(tag);
                    continue;
                }
                batch.add(fields(in.readBytes()));
                if (batch.size() == seriesPerRequest) {
                    addRequests(out, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                addRequests(out, batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the payload RemoteWritePayloads built", e);
        }
        return new RemoteWriteRounds(out);
    }

    /** The request bodies of each round, snappy-compressed, in order. */
    List<List<byte[]>> rounds() {
        return rounds;
    }

    /** The compressed size of all requests, in bytes. */
    long bytes() {
        return rounds.stream().flatMap(List::stream).mapToLong(b -> b.length).sum();
    }

    /** A time series' fields, as {@code [labels, sample 0, sample 1, ...]}, each already encoded with its tag. */
    private static List<ByteString> fields(ByteString timeSeries) throws IOException {
        CodedInputStream in = timeSeries.newCodedInput();
        ByteString.Output labels = ByteString.newOutput();
        List<ByteString> fields = new ArrayList<>();
        fields.add(ByteString.EMPTY);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == LABEL) {
                write(labels, LABEL, in.readBytes());
            } else if (field == SAMPLE) {
                ByteString.Output sample = ByteString.newOutput();
                write(sample, SAMPLE, in.readBytes());
                fields.add(sample.toByteString());
            } else {
                in.skipField(tag);
            }
        }
        fields.set(0, labels.toByteString());
        return fields;
    }

    /** Adds one request per round for these series: their labels and that round's sample. */
    private static void addRequests(List<List<byte[]>> rounds, List<List<ByteString>> series) throws IOException {
        for (int r = 0; r < rounds.size(); r++) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            for (List<ByteString> fields : series) {
                write(request, TIME_SERIES, fields.get(0).concat(fields.get(r + 1)));
            }
            rounds.get(r).add(compress(request.toByteArray()));
        }
    }

    private static void write(OutputStream target, int field, ByteString value) throws IOException {
        CodedOutputStream out = CodedOutputStream.newInstance(target);
        out.writeBytes(field, value);
        out.flush();
    }

    private static byte[] decompress(byte[] snappy) {
        byte[] out = new byte[SnappyDecompressor.getUncompressedLength(snappy, 0)];
        int n = new SnappyDecompressor().decompress(snappy, 0, snappy.length, out, 0, out.length);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] compress(byte[] message) {
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(message.length)];
        int n = compressor.compress(message, 0, message.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }
}
