package dev.vigil.tracing.store;

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
 * Reads what one query needs from segment files: index parts, words and data frames, with buffers reused from one read
 * to the next. One per query; not thread-safe.
 */
final class Reader {

    private static final Logger LOG = LoggerFactory.getLogger(Reader.class);
    /** Frames found damaged, each reported once. */
    private static final Set<String> REPORTED = Collections.synchronizedSet(new HashSet<>());

    private final Lz4Decompressor lz4 = new Lz4Decompressor();
    private final FrameSpans spans = new FrameSpans();
    private final byte[] word = new byte[8];
    private byte[] compressed = new byte[1 << 16];
    private byte[] raw = new byte[1 << 16];
    /** Frames decompressed so far, for tests and statistics. */
    long framesRead;

    /** {@code length} bytes at {@code offset}, in a new array. */
    byte[] bytes(Segment segment, long offset, int length) throws IOException {
        byte[] out = new byte[length];
        segment.file.read(offset, out, 0, length);
        return out;
    }

    /** The big-endian 8 bytes at {@code offset}. */
    long longAt(Segment segment, long offset) throws IOException {
        segment.file.read(offset, word, 0, 8);
        return (long) Format.BE_LONG.get(word, 0);
    }

    /**
     * The spans of {@code frame}, valid until the next call; null (after logging it once) if the frame is damaged, so
     * that one bad frame on disk does not make every query fail.
     */
    @Nullable FrameSpans load(Segment segment, FrameInfo frame) throws IOException {
        if (compressed.length < frame.length) {
            compressed = new byte[Math.max(frame.length, compressed.length * 2)];
        }
        segment.file.read(frame.offset, compressed, 0, frame.length);
        if (!Format.intact(compressed, frame.length)) {
            return damaged(segment, frame, "its checksum does not match");
        }
        if (raw.length < frame.rawLength) {
            raw = new byte[Math.max(frame.rawLength, raw.length * 2)];
        }
        int payload = frame.payloadOffset();
        try {
            int size = lz4.decompress(compressed, payload, frame.length - payload, raw, 0, frame.rawLength);
            if (size != frame.rawLength) {
                return damaged(segment, frame, "it holds " + size + " bytes, not " + frame.rawLength);
            }
            spans.reset(raw, size, frame.count);
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return damaged(segment, frame, e.toString());
        }
        framesRead++;
        return spans;
    }

    private static @Nullable FrameSpans damaged(Segment segment, FrameInfo frame, String why) {
        if (REPORTED.add(segment.file.path() + "@" + frame.offset)) {
            LOG.warn("Trace store: the frame at offset {} of {} is damaged and is skipped ({}); its {} spans cannot be "
                    + "read", frame.offset, segment.file.path(), why, frame.count);
        }
        return null;
    }
}
