package dev.vigil.storage;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a segment file and recovers what it holds. Walks the frames by their lengths: definition and block frames are
 * read whole and checked; data frames after the last block frame (the block that was open when the store stopped) are
 * read, checked and indexed again. At the first frame that is cut short or fails its checksum, and before a batch
 * whose last frame is missing, the file is truncated: that is the tail of a write the process did not finish, and
 * everything before it is kept. Not thread-safe.
 */
final class SegmentLoader<F extends DataFrame, B extends Block, O extends BlockBuilder<F, B>> {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentLoader.class);

    private final StoreCodec<F, B, O> codec;
    private final SegmentFormat format;
    private final Lz4Decompressor lz4 = new Lz4Decompressor();

    SegmentLoader(StoreCodec<F, B, O> codec) {
        this.codec = codec;
        this.format = codec.format();
    }

    /** A loaded segment and its open block (empty if every data frame is in a sealed block). */
    record Loaded<B extends Block, O>(Segment<B> segment, O open) {}

    private record Pending<F>(F info, byte[] frame) {}

    /**
     * Loads the segment numbered {@code number} from {@code file}, which holds at least a header.
     *
     * @throws IOException if it cannot be read, or is not a segment of this format and version
     */
    Loaded<B, O> load(long number, SegmentFile file) throws IOException {
        long size = file.size();
        byte[] header = new byte[SegmentFormat.HEADER_BYTES];
        file.read(0, header, 0, header.length);
        format.check(header, file.path());
        Segment<B> segment = new Segment<>(format, number, file, format.sequence(header), format.createdMillis(header),
                size);

        List<long[]> tail = new ArrayList<>();
        byte[] peek = new byte[Frames.PEEK];
        long pos = SegmentFormat.HEADER_BYTES;
        @Nullable String damage = null;
        while (pos + Frames.PEEK <= size) {
            file.read(pos, peek, 0, peek.length);
            int length = (int) Bytes.BE_INT.get(peek, 0);
            byte type = peek[Frames.PREFIX];
            if (length < 1 || length > Frames.MAX_BODY || pos + Frames.PREFIX + length > size) {
                damage = "a frame is cut short";
                break;
            }
            int total = Frames.PREFIX + length;
            if (type == Frames.DATA) {
                tail.add(new long[] {pos, total});
            } else if (type == Frames.BLOCK || codec.isDefinition(type)) {
                damage = readWhole(segment, type, pos, total);
                if (damage != null) {
                    break;
                }
                if (type == Frames.BLOCK) {
                    tail.clear();
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
        List<Pending<F>> frames = new ArrayList<>();
        long sequence = segment.nextSequence();
        for (long[] t : tail) {
            byte[] frame = new byte[(int) t[1]];
            file.read(t[0], frame, 0, frame.length);
            F info;
            try {
                if (!Frames.intact(frame, frame.length)) {
                    throw new IllegalArgumentException("fails its checksum");
                }
                info = codec.frame(frame, frame.length, t[0], sequence);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                damage = "a data frame " + e.getMessage();
                pos = t[0];
                break;
            }
            frames.add(new Pending<>(info, frame));
            sequence += info.count();
        }
        while (!frames.isEmpty() && frames.get(frames.size() - 1).info.continues()) {
            Pending<F> last = frames.remove(frames.size() - 1);
            pos = last.info.offset();
            damage = damage != null ? damage : "a batch of several frames was not written to its end";
        }
        O open = codec.newBlock();
        for (Pending<F> p : frames) {
            if (!reindex(open, p)) {
                damage = "a data frame cannot be decompressed";
                pos = p.info.offset();
                break;
            }
            segment.addItems(p.info.minTime(), p.info.maxTime(), p.info.count());
        }
        if (pos < size) {
            LOG.warn("{}: {} ends in a write that was not finished ({}) at offset {}; truncated it from {} to {} bytes ({} "
                    + "there were not acknowledged, or the disk lost them)", format.title(), file.path(), damage, pos, size,
                    pos, format.items());
            file.truncate(pos);
            file.force();
            segment.size(pos);
        }
        return new Loaded<>(segment, open);
    }

    /** Reads a definition or block frame whole; says what is wrong with it, or null. */
    private @Nullable String readWhole(Segment<B> segment, byte type, long pos, int total) throws IOException {
        byte[] frame = new byte[total];
        segment.file().read(pos, frame, 0, total);
        if (!Frames.intact(frame, total)) {
            return "a frame fails its checksum";
        }
        try {
            if (type == Frames.BLOCK) {
                B block = codec.block(segment, pos, frame, total);
                segment.addBlock(block);
                segment.addItems(block.minTime(), block.maxTime(), block.count());
            } else {
                int id = (int) Bytes.BE_INT.get(frame, Frames.PEEK);
                if (id < 0) {
                    return "a definition frame has the id " + id;
                }
                codec.define(type, id, frame, Frames.PEEK + 4);
                segment.addDefinition(type, id);
            }
            return null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "a frame cannot be read: " + e.getMessage();
        }
    }

    private boolean reindex(O open, Pending<F> p) {
        F info = p.info;
        byte[] raw = new byte[info.rawLength()];
        int payload = info.payloadOffset();
        try {
            int size = lz4.decompress(p.frame, payload, p.frame.length - payload, raw, 0, raw.length);
            if (size != raw.length) {
                return false;
            }
            codec.reindex(open, info, raw);
            return true;
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }
}
