package dev.vigil.logging.store;

import dev.vigil.api.config.ByteSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The write side of a store: the closed segments, the active one and its open block. Appends encoded batches, seals
 * blocks, rolls segments and drops what retention chose; builds the views searches read. Not thread-safe: the store
 * calls it under its append lock, and it never logs (the platform's own log records are appended through it).
 */
final class StoreWriter {

    private final Path dir;
    private final Clock clock;
    private final ResourceTable resources;
    private final boolean fsync;
    private final long segmentBytes;
    private final long blockRawBytes;
    private final long blockStoredBytes;
    private final ByteSink resourceFrames = new ByteSink(1024);
    private final List<Integer> newIds = new ArrayList<>();
    private final List<Map<String, String>> newMaps = new ArrayList<>();

    private List<Segment> closed;
    private Segment active;
    private OpenBlock open;

    StoreWriter(Path dir, Clock clock, ResourceTable resources, boolean fsync, ByteSize segmentSize, long blockRawBytes,
            StoreFiles.Opened opened) {
        this.dir = dir;
        this.clock = clock;
        this.resources = resources;
        this.fsync = fsync;
        this.segmentBytes = segmentSize.bytes();
        this.blockRawBytes = blockRawBytes;
        this.blockStoredBytes = Math.max(64 * 1024, segmentBytes / 8);
        this.closed = opened.closed();
        this.active = opened.active();
        this.open = opened.open();
    }

    /** What searches see now. */
    StoreView view() {
        return new StoreView(closed, active, active.sealed, open.isEmpty() ? null : open.view(active));
    }

    Segment active() {
        return active;
    }

    /**
     * Appends an encoded batch: closes the segment first if it is full or an hour old, writes resource frames for the
     * resources the segment lacks and the batch's frames in one go, indexes them, and seals the block if it is full.
     *
     * @return why the block could not be sealed (the batch is stored all the same), or null
     * @throws UncheckedIOException if the batch could not be written; none of it is then stored
     */
    @Nullable IOException append(FrameEncoder encoder, int records) {
        try {
            if (active.size >= segmentBytes
                    || active.records > 0 && clock.millis() - active.createdMillis >= LogStore.MAX_SEGMENT_AGE.toMillis()) {
                roll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a new log segment in " + dir, e);
        }
        write(encoder, records);
        if (open.rawBytes >= blockRawBytes || open.storedBytes >= blockStoredBytes) {
            try {
                sealOpen();
            } catch (IOException e) {
                // the batch is stored; the block stays open and sealing is tried again after the next append
                return e;
            }
        }
        return null;
    }

    private void write(FrameEncoder encoder, int records) {
        Segment segment = active;
        long start = segment.size;
        resourceFrames.clear();
        newIds.clear();
        newMaps.clear();
        for (int f = 0; f < encoder.frameCount; f++) {
            FrameEncoder.Encoded frame = encoder.frames.get(f);
            for (int r = 0; r < frame.resourceCount; r++) {
                int id = frame.resourceIds[r];
                if (!segment.resources.contains(id) && !newIds.contains(id)) {
                    newIds.add(id);
                    newMaps.add(frame.resourceMaps.get(r));
                    SegmentLoader.writeResource(resourceFrames, id, frame.resourceMaps.get(r));
                }
            }
        }
        try {
            long pos = start;
            if (resourceFrames.pos > 0) {
                segment.file.write(pos, resourceFrames.buf, 0, resourceFrames.pos);
                pos += resourceFrames.pos;
            }
            segment.file.write(pos, encoder.out.buf, 0, encoder.bytes());
            if (fsync) {
                segment.file.force();
            }
        } catch (IOException e) {
            try {
                segment.file.truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("could not store " + records + " log records in " + segment.file.path(), e);
        }
        for (int k = 0; k < newIds.size(); k++) {
            segment.resources.add(newIds.get(k));
            resources.define(newIds.get(k), newMaps.get(k));
        }
        long offset = start + resourceFrames.pos;
        long seq = open.nextSeq;
        for (int f = 0; f < encoder.frameCount; f++) {
            FrameEncoder.Encoded frame = encoder.frames.get(f);
            FrameInfo info = frame.info(offset, seq);
            open.add(info, frame.raw.buf, Format.COLUMNS_PER_RECORD * frame.count, frame.bodiesEnd, frame.exact,
                    frame.exactCount);
            segment.addRecords(info.minTime, info.maxTime, info.count);
            offset += frame.length();
            seq += frame.count;
        }
        segment.size = offset;
    }

    /** Seals the open block and starts the next segment. */
    void roll() throws IOException {
        sealOpen();
        Segment next = StoreFiles.create(dir, active.number + 1, open.nextSeq, clock.millis(), fsync);
        List<Segment> closedNow = new ArrayList<>(closed);
        closedNow.add(active);
        closed = List.copyOf(closedNow);
        active = next;
        open = new OpenBlock(open.nextSeq);
    }

    /** Writes the open block's index, if it has frames, and starts a new block. */
    private void sealOpen() throws IOException {
        if (open.isEmpty()) {
            return;
        }
        StoreFiles.seal(active, open, fsync);
        open = new OpenBlock(open.nextSeq);
    }

    /**
     * Applies retention to the closed segments (see {@link Retention}): drops the chosen ones from the store, and the
     * resources no remaining segment uses. The caller deletes the segments once the new view is published.
     */
    List<Segment> retain(long cutoff, long limit) {
        Retention.Choice choice = Retention.choose(closed, active.size, cutoff, limit);
        if (!choice.delete().isEmpty()) {
            closed = List.copyOf(choice.keep());
            List<Segment> live = new ArrayList<>(closed);
            live.add(active);
            resources.retainOnly(id -> live.stream().anyMatch(s -> s.resources.contains(id)));
        }
        return choice.delete();
    }

    /** Seals the open block, forces the active segment to disk and gives up the store's hold on every file. */
    void close() throws IOException {
        try {
            sealOpen();
            active.file.force();
        } finally {
            for (Segment s : closed) {
                s.closeFile();
            }
            active.closeFile();
        }
    }
}
