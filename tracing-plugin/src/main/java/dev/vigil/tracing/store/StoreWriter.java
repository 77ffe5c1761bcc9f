package dev.vigil.tracing.store;

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
 * blocks, rolls segments and drops what retention chose; builds the views queries read. Not thread-safe: the store
 * calls it under its append lock.
 */
final class StoreWriter {

    private final Path dir;
    private final Clock clock;
    private final Dictionary dictionary;
    private final boolean fsync;
    private final long segmentBytes;
    private final long blockRawBytes;
    private final long blockStoredBytes;
    private final ByteSink definitions = new ByteSink(1024);
    private final List<Integer> newResources = new ArrayList<>();
    private final List<Map<String, String>> newResourceValues = new ArrayList<>();
    private final List<Integer> newOperations = new ArrayList<>();
    private final List<Dictionary.Operation> newOperationValues = new ArrayList<>();

    private List<Segment> closed;
    private Segment active;
    private OpenBlock open;

    StoreWriter(Path dir, Clock clock, boolean fsync, ByteSize segmentSize, long blockRawBytes, StoreFiles.Opened opened) {
        this.dir = dir;
        this.clock = clock;
        this.dictionary = opened.dictionary();
        this.fsync = fsync;
        this.segmentBytes = segmentSize.bytes();
        this.blockRawBytes = blockRawBytes;
        this.blockStoredBytes = Math.max(64 * 1024, segmentBytes / 8);
        this.closed = opened.closed();
        this.active = opened.active();
        this.open = opened.open();
    }

    /** What queries see now. */
    StoreView view() {
        return new StoreView(closed, active, active.sealed, open.isEmpty() ? null : open.view(active));
    }

    Segment active() {
        return active;
    }

    /**
     * Appends an encoded batch: starts a new segment first if this one is full or an hour old, writes the definitions
     * the segment lacks and the batch's frames in one write, indexes them, and seals the block if it is full.
     *
     * @return why the block could not be sealed (the batch is stored all the same), or null
     * @throws UncheckedIOException if the batch could not be written; none of it is then stored
     */
    @Nullable IOException append(SpanEncoder encoder, int spans) {
        try {
            if (active.size >= segmentBytes
                    || active.spans > 0 && clock.millis() - active.createdMillis >= TraceStore.MAX_SEGMENT_AGE.toMillis()) {
                roll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a new trace segment in " + dir, e);
        }
        write(encoder, spans);
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

    private void write(SpanEncoder encoder, int spans) {
        Segment segment = active;
        long start = segment.size;
        collectDefinitions(encoder, segment);
        try {
            long pos = start;
            if (definitions.pos > 0) {
                segment.file.write(pos, definitions.buf, 0, definitions.pos);
                pos += definitions.pos;
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
            throw new UncheckedIOException("could not store " + spans + " spans in " + segment.file.path(), e);
        }
        for (int k = 0; k < newResources.size(); k++) {
            segment.resources.add(newResources.get(k));
            dictionary.defineResource(newResources.get(k), newResourceValues.get(k));
        }
        for (int k = 0; k < newOperations.size(); k++) {
            segment.operations.add(newOperations.get(k));
            dictionary.defineOperation(newOperations.get(k), newOperationValues.get(k));
        }
        long offset = start + definitions.pos;
        for (int f = 0; f < encoder.frameCount; f++) {
            SpanEncoder.Encoded frame = encoder.frames.get(f);
            FrameInfo info = frame.info(offset);
            open.add(info, frame.view, frame.attributeHashes, frame.attributeCount);
            segment.addSpans(info.minStart, info.maxStart, info.count);
            offset += frame.length();
        }
        segment.size = offset;
    }

    /** Writes to {@link #definitions} the frames of the resources and operations the batch uses and the segment lacks. */
    private void collectDefinitions(SpanEncoder encoder, Segment segment) {
        definitions.clear();
        newResources.clear();
        newResourceValues.clear();
        newOperations.clear();
        newOperationValues.clear();
        for (int f = 0; f < encoder.frameCount; f++) {
            SpanEncoder.Encoded frame = encoder.frames.get(f);
            for (int r = 0; r < frame.resourceCount; r++) {
                int id = frame.resourceIds[r];
                if (!segment.resources.contains(id) && !newResources.contains(id)) {
                    newResources.add(id);
                    newResourceValues.add(frame.resources.get(r));
                    Dictionary.writeResource(definitions, id, frame.resources.get(r));
                }
            }
            for (int o = 0; o < frame.operationCount; o++) {
                int id = frame.operationIds[o];
                if (!segment.operations.contains(id) && !newOperations.contains(id)) {
                    newOperations.add(id);
                    newOperationValues.add(frame.operations.get(o));
                    Dictionary.writeOperation(definitions, id, frame.operations.get(o));
                }
            }
        }
    }

    /** Seals the open block and starts the next segment. */
    void roll() throws IOException {
        sealOpen();
        Segment next = StoreFiles.create(dir, active.number + 1, clock.millis(), fsync);
        List<Segment> closedNow = new ArrayList<>(closed);
        closedNow.add(active);
        closed = List.copyOf(closedNow);
        active = next;
        open = new OpenBlock();
    }

    /** Writes the open block's index, if it has frames, and starts a new block. */
    private void sealOpen() throws IOException {
        if (open.isEmpty()) {
            return;
        }
        StoreFiles.seal(active, open, fsync);
        open = new OpenBlock();
    }

    /**
     * Applies retention to the closed segments (see {@link Retention}): drops the chosen ones from the store, and the
     * dictionary entries no remaining segment uses. The caller deletes the segments once the new view is published.
     */
    List<Segment> retain(long cutoff, long limit) {
        Retention.Choice choice = Retention.choose(closed, active.size, cutoff, limit);
        if (!choice.delete().isEmpty()) {
            closed = List.copyOf(choice.keep());
            List<Segment> live = new ArrayList<>(closed);
            live.add(active);
            dictionary.retainOnly(id -> live.stream().anyMatch(s -> s.resources.contains(id)),
                    id -> live.stream().anyMatch(s -> s.operations.contains(id)));
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
