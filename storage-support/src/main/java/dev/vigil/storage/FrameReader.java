package dev.vigil.storage;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what one query needs from segment files: parts of block frames, single words, and data frames, decompressed
 * and handed to the store's {@link Decoder}, with buffers reused from one read to the next. A store usually fixes the
 * type parameters in a subclass of its own that only supplies the constructor's arguments. One per query; not
 * thread-safe.
 *
 * @param <F> the store's data frame header type
 * @param <D> what the store reads a decompressed data frame as
 */
public class FrameReader<F extends DataFrame, D> {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);
    /** Frames found damaged, each reported once. */
    private static final Set<String> REPORTED = Collections.synchronizedSet(new HashSet<>());

    private final SegmentFormat format;
    private final Decoder<? super F, ? extends D> decoder;
    private final Lz4Decompressor lz4 = new Lz4Decompressor();
    private final byte[] word = new byte[8];
    private byte[] compressed = new byte[1 << 16];
    private byte[] raw = new byte[1 << 16];
    private long framesRead;

    /**
     * A reader of {@code format}'s segments.
     *
     * @param decoder reads a decompressed payload; it may keep one view that each call points elsewhere
     */
    protected FrameReader(SegmentFormat format, Decoder<? super F, ? extends D> decoder) {
        this.format = format;
        this.decoder = decoder;
    }

    /**
     * Reads a data frame's decompressed payload.
     *
     * @param <F> the store's data frame header type
     * @param <D> what the store reads it as
     */
    @FunctionalInterface
    public interface Decoder<F, D> {
        /**
         * Reads the payload of {@code frame}, in {@code raw[0, frame.rawLength())}. What it returns may be valid only
         * until the next call.
         *
         * @throws IllegalArgumentException if the payload does not make sense
         * @throws IndexOutOfBoundsException likewise
         */
        D decode(F frame, byte[] raw);
    }

    /** {@code length} bytes at {@code offset} of {@code segment}, in a new array. */
    public final byte[] bytes(Segment<?> segment, long offset, int length) throws IOException {
        byte[] out = new byte[length];
        segment.file().read(offset, out, 0, length);
        return out;
    }

    /** The big-endian 8 bytes at {@code offset} of {@code segment}. */
    public final long longAt(Segment<?> segment, long offset) throws IOException {
        segment.file().read(offset, word, 0, 8);
        return (long) Bytes.BE_LONG.get(word, 0);
    }

    /**
     * The items of {@code frame}, decoded, valid until the next call.
     *
     * @throws DamagedFrameException if the frame fails its checksum or cannot be decoded
     * @throws IOException if it cannot be read
     */
    public final D read(Segment<?> segment, F frame) throws IOException {
        int length = frame.length();
        if (compressed.length < length) {
            compressed = new byte[Math.max(length, compressed.length * 2)];
        }
        segment.file().read(frame.offset(), compressed, 0, length);
        if (!Frames.intact(compressed, length)) {
            throw damaged(segment, frame, "its checksum does not match");
        }
        int rawLength = frame.rawLength();
        if (raw.length < rawLength) {
            raw = new byte[Math.max(rawLength, raw.length * 2)];
        }
        int payload = frame.payloadOffset();
        D decoded;
        try {
            int size = lz4.decompress(compressed, payload, length - payload, raw, 0, rawLength);
            if (size != rawLength) {
                throw damaged(segment, frame, "it holds " + size + " bytes, not " + rawLength);
            }
            decoded = decoder.decode(frame, raw);
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw damaged(segment, frame, e.toString());
        }
        framesRead++;
        return decoded;
    }

    /**
     * The items of {@code frame}, as {@link #read} returns them; null (after logging it once) if the frame is damaged,
     * so that one bad frame on disk does not make every query fail.
     *
     * @throws IOException if it cannot be read
     */
    public final @Nullable D load(Segment<?> segment, F frame) throws IOException {
        try {
            return read(segment, frame);
        } catch (DamagedFrameException e) {
            if (REPORTED.add(e.file() + "@" + e.offset())) {
                LOG.warn("{}: {}; it is skipped, and its {} {} cannot be read", format.title(), e.getMessage(),
                        frame.count(), format.items());
            }
            return null;
        }
    }

    /** How many data frames it decompressed, for tests and statistics. */
    public final long framesRead() {
        return framesRead;
    }

    private static DamagedFrameException damaged(Segment<?> segment, DataFrame frame, String why) {
        return new DamagedFrameException(segment.file().path(), frame.offset(), why);
    }
}
