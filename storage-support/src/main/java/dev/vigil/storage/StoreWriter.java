package dev.vigil.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The write side of a store: the closed segments, the active one and its open block. Appends encoded batches, seals
 * blocks, rolls segments and drops what retention chose; builds the views readers see. Not thread-safe: the store
 * calls it under its append lock. It never logs, so that a store of log records can take the platform's own.
 */
final class StoreWriter<F extends DataFrame, B extends Block, O extends BlockBuilder<F, B>> {

    private final Path dir;
    private final StoreCodec<F, B, O> codec;
    private final StoreFiles<F, B, O> files;
    private final SegmentSettings settings;
    private final long blockStoredBytes;
    private final ByteSink definitions = new ByteSink(1024);
    private final List<Definition> written = new ArrayList<>();

    private List<Segment<B>> closed;
    private Segment<B> active;
    private O open;

    StoreWriter(Path dir, StoreCodec<F, B, O> codec, StoreFiles<F, B, O> files, SegmentSettings settings,
            StoreFiles.Opened<B, O> opened) {
        this.dir = dir;
        this.codec = codec;
        this.files = files;
        this.settings = settings;
        this.blockStoredBytes = Math.max(64 * 1024, settings.segmentBytes() / 8);
        this.closed = opened.closed();
        this.active = opened.active();
        this.open = opened.open();
    }

    /** What readers see now. */
    StoreView<B> view() {
        return new StoreView<>(closed, active, active.blocks(), open.isEmpty() ? null : open.view(active));
    }

    Segment<B> active() {
        return active;
    }

    /**
     * Appends an encoded batch: starts a new segment first if this one is full or too old, writes the definitions the
     * segment lacks and the batch's frames in one write, indexes them, and seals the block if it is full.
     *
     * @return why the block could not be sealed (the batch is stored all the same), or null
     * @throws UncheckedIOException if the batch could not be written; none of it is then stored
     */
    @Nullable IOException append(Batch<F, O> batch, long nowMillis) {
        try {
            if (active.size() >= settings.segmentBytes()
                    || active.items() > 0 && nowMillis - active.createdMillis() >= settings.maxSegmentAge().toMillis()) {
                roll(nowMillis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a new " + codec.format().kind() + " segment in " + dir, e);
        }
        write(batch);
        if (open.rawBytes() >= settings.blockRawBytes() || open.storedBytes() >= blockStoredBytes) {
            try {
                sealOpen();
            } catch (IOException e) {
                // the batch is stored; the block stays open and sealing is tried again after the next append
                return e;
            }
        }
        return null;
    }

    private void write(Batch<F, O> batch) {
        Segment<B> segment = active;
        long start = segment.size();
        collectDefinitions(batch, segment);
        try {
            long pos = start;
            if (definitions.position() > 0) {
                segment.file().write(pos, definitions.array(), 0, definitions.position());
                pos += definitions.position();
            }
            ByteSink frames = batch.out();
            segment.file().write(pos, frames.array(), 0, frames.position());
            if (settings.fsync()) {
                segment.file().force();
            }
        } catch (IOException e) {
            try {
                segment.file().truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("could not store " + batch.items() + " " + codec.format().items() + " in "
                    + segment.file().path(), e);
        }
        for (Definition d : written) {
            segment.addDefinition(d.type(), d.id());
            d.defined();
        }
        long offset = start + definitions.position();
        ByteSink frames = batch.out();
        for (int at = 0, k = 0; at < frames.position(); k++) {
            F frame = batch.index(k, offset, segment.nextSequence(), open);
            segment.addItems(frame.minTime(), frame.maxTime(), frame.count());
            int length = batch.frameLength(at);
            offset += length;
            at += length;
        }
        segment.size(offset);
    }

    /** Writes to {@link #definitions} the frames of the definitions the batch uses and the segment lacks. */
    private void collectDefinitions(Batch<F, O> batch, Segment<B> segment) {
        definitions.clear();
        written.clear();
        for (Definition d : batch.definitions()) {
            if (!segment.defines(d.type(), d.id()) && !isWritten(d)) {
                written.add(d);
                d.writeFrame(definitions);
            }
        }
    }

    private boolean isWritten(Definition d) {
        for (Definition w : written) {
            if (w.type() == d.type() && w.id() == d.id()) {
                return true;
            }
        }
        return false;
    }

    /** Seals the open block and starts the next segment. */
    void roll(long nowMillis) throws IOException {
        sealOpen();
        Segment<B> next = files.create(active.number() + 1, active.nextSequence(), nowMillis);
        List<Segment<B>> closedNow = new ArrayList<>(closed);
        closedNow.add(active);
        closed = List.copyOf(closedNow);
        active = next;
    }

    /** Writes the open block's index, if it has frames, and starts a new block. */
    private void sealOpen() throws IOException {
        if (open.isEmpty()) {
            return;
        }
        files.seal(active, open);
        open = codec.newBlock();
    }

    /** What {@link #maintain} did: the segments it took out of the store, and why it could not roll, if it could not. */
    record Maintenance<B extends Block>(List<Segment<B>> dropped, @Nullable IOException rollFailure) {}

    /**
     * Starts a new segment if the active one holds items and is too old or wholly past the cutoff, then applies
     * retention to the closed segments (see {@link Retention}): takes the chosen ones out of the store, and the
     * definitions no remaining segment holds. The caller deletes the segments once the new view is published.
     *
     * @param cutoff the time before which items are past retention
     * @param limit the most bytes the store may take, 0 for no limit
     */
    Maintenance<B> maintain(long nowMillis, long cutoff, long limit) {
        @Nullable IOException rollFailure = null;
        try {
            if (active.items() > 0 && (nowMillis - active.createdMillis() >= settings.maxSegmentAge().toMillis()
                    || active.maxTime() < cutoff)) {
                roll(nowMillis);
            }
        } catch (IOException e) {
            rollFailure = e;
        }
        Retention.Choice<B> choice = Retention.choose(closed, active.size(), cutoff, limit);
        if (!choice.delete().isEmpty()) {
            closed = List.copyOf(choice.keep());
            List<Segment<B>> live = new ArrayList<>(closed);
            live.add(active);
            codec.retainDefinitions((type, id) -> {
                for (Segment<B> s : live) {
                    if (s.defines(type, id)) {
                        return true;
                    }
                }
                return false;
            });
        }
        return new Maintenance<>(choice.delete(), rollFailure);
    }

    /** Seals the open block, forces the active segment to disk and gives up the store's hold on every file. */
    void close() throws IOException {
        try {
            sealOpen();
            active.file().force();
        } finally {
            for (Segment<B> s : closed) {
                s.closeFile();
            }
            active.closeFile();
        }
    }
}
