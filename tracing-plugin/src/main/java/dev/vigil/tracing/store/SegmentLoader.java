package dev.vigil.tracing.store;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a segment file and recovers what it holds. Walks the frames by their lengths: definition and block frames are
 * read whole and checked; data frames after the last block frame (the block that was open when the store stopped) are
 * read, checked and indexed again. At the first frame that is cut short or fails its checksum, and before a batch
 * whose last frame is missing, the file is truncated: that is the tail of a write the process did not finish, and
 * everything before it is kept.
 */
final class SegmentLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentLoader.class);

    private final Dictionary dictionary;
    private final Lz4Decompressor lz4 = new Lz4Decompressor();
    private final FrameSpans spans = new FrameSpans();
    private long[] hashes = new long[1024];
    private int hashCount;

    SegmentLoader(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** A loaded segment and its open block (empty if every data frame is in a sealed block). */
    record Loaded(Segment segment, OpenBlock open) {}

    private record Pending(FrameInfo info, byte[] frame) {}

    /**
     * Loads the segment numbered {@code number} from {@code file}, which holds at least a header.
     *
     * @throws IOException if it cannot be read, or is not a trace segment of this version
     */
    Loaded load(long number, SegmentFile file) throws IOException {
        long size = file.size();
        byte[] header = new byte[Format.SEGMENT_HEADER];
        file.read(0, header, 0, header.length);
        if (!Format.isSegmentHeader(header)) {
            throw new IOException(file.path() + " is not a trace segment of format version " + Format.VERSION
                    + " (its header does not match); move it out of the store's folder");
        }
        Segment segment = new Segment(number, file, Format.createdMillis(header), size);

        List<long[]> tail = new ArrayList<>();
        byte[] peek = new byte[Format.FRAME_PEEK];
        long pos = Format.SEGMENT_HEADER;
        @Nullable String damage = null;
        while (pos + Format.FRAME_PEEK <= size) {
            file.read(pos, peek, 0, peek.length);
            int length = (int) Format.BE_INT.get(peek, 0);
            byte type = peek[Format.FRAME_PREFIX];
            if (length < 1 || length > Format.MAX_FRAME_BODY || pos + Format.FRAME_PREFIX + length > size) {
                damage = "a frame is cut short";
                break;
            }
            int total = Format.FRAME_PREFIX + length;
            if (type == Format.DATA) {
                tail.add(new long[] {pos, total});
            } else if (type == Format.RESOURCE || type == Format.OPERATION || type == Format.BLOCK) {
                byte[] frame = new byte[total];
                file.read(pos, frame, 0, total);
                if (!Format.intact(frame, total)) {
                    damage = "a frame fails its checksum";
                    break;
                }
                try {
                    if (type == Format.BLOCK) {
                        SealedBlock block = SealedBlock.parse(segment, pos, frame, total);
                        segment.addSealed(block);
                        segment.addSpans(block.minStart, block.maxStart, block.count);
                        tail.clear();
                    } else {
                        int id = dictionary.read(frame, total);
                        (type == Format.RESOURCE ? segment.resources : segment.operations).add(id);
                    }
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    damage = "a frame cannot be read: " + e.getMessage();
                    break;
                }
            } else {
                damage = "a frame has the unknown type " + type;
                break;
            }
            pos += total;
        }
        if (damage == null && pos < size) {
            damage = "a frame is cut short";
        }

        // the open block's frames: check each, then drop a batch that was not written to its end
        List<Pending> frames = new ArrayList<>();
        for (long[] t : tail) {
            byte[] frame = new byte[(int) t[1]];
            file.read(t[0], frame, 0, frame.length);
            FrameInfo info;
            try {
                if (!Format.intact(frame, frame.length)) {
                    throw new IllegalArgumentException("fails its checksum");
                }
                info = FrameInfo.parse(frame, frame.length, t[0]);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                damage = "a data frame " + e.getMessage();
                pos = t[0];
                break;
            }
            frames.add(new Pending(info, frame));
        }
        while (!frames.isEmpty() && frames.get(frames.size() - 1).info.continues) {
            Pending last = frames.remove(frames.size() - 1);
            pos = last.info.offset;
            damage = damage != null ? damage : "a batch of several frames was not written to its end";
        }
        OpenBlock open = new OpenBlock();
        for (Pending p : frames) {
            if (!index(open, p)) {
                damage = "a data frame cannot be decompressed";
                pos = p.info.offset;
                break;
            }
            segment.addSpans(p.info.minStart, p.info.maxStart, p.info.count);
        }
        if (pos < size) {
            LOG.warn("Trace store: {} ends in a write that was not finished ({}) at offset {}; truncated it from {} to {} "
                    + "bytes (spans there were not acknowledged, or the disk lost them)", file.path(), damage, pos, size, pos);
            file.truncate(pos);
            file.force();
            segment.size = pos;
        }
        return new Loaded(segment, open);
    }

    private boolean index(OpenBlock open, Pending p) {
        FrameInfo info = p.info;
        byte[] raw = new byte[info.rawLength];
        int payload = info.payloadOffset();
        try {
            int size = lz4.decompress(p.frame, payload, p.frame.length - payload, raw, 0, raw.length);
            if (size != raw.length) {
                return false;
            }
            spans.reset(raw, size, info.count);
            hashCount = 0;
            spans.attributeHashes(this::addHash);
            open.add(info, spans, hashes, hashCount);
            return true;
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private void addHash(long hash) {
        if (hashCount == hashes.length) {
            hashes = Arrays.copyOf(hashes, hashCount * 2);
        }
        hashes[hashCount++] = hash;
    }
}
