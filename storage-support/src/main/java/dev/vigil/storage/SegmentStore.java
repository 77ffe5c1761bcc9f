package dev.vigil.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segments of one store in one folder: appends, recovery, retention and the snapshots readers see, for whatever
 * the store puts in its frames (see {@link StoreCodec}).
 *
 * <p>Items are appended in batches to numbered segment files. A batch is written with one write to the operating
 * system before {@link #append} returns, so it survives the process being killed; with {@code fsync} it is also forced
 * to disk. Data frames are grouped into blocks; when a block is full its index is appended as a block frame. The
 * segment being written is closed at {@link SegmentSettings#segmentBytes()}, or once it is {@link
 * SegmentSettings#maxSegmentAge()} old (by the clock) and holds items. On {@link #open}, a segment that ends in an
 * unfinished write is cut back to the last whole batch, and the open block's index is built again from its frames.
 * One store at a time may use a folder: a lock file says so, released by the operating system if the process dies.
 *
 * <p>Thread-safe. Appends are serialised by an append lock; readers take the {@link #view()} published after each
 * change and never take the lock. Under the lock nothing is logged, so a store of log records can take the
 * platform's own. The owner calls {@link #maintain} periodically to apply retention, and closes the store.
 *
 * @param <F> the store's data frame header type
 * @param <B> the store's block type
 * @param <O> the store's open block type
 */
public final class SegmentStore<F extends DataFrame, B extends Block, O extends BlockBuilder<F, B>>
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentStore.class);

    private final Path dir;
    private final SegmentFormat format;
    private final InstantSource clock;
    private final DirectoryLock lock;

    /** Serialises writes, and so every use of {@link #writer}. */
    private final ReentrantLock appendLock = new ReentrantLock();
    private final StoreWriter<F, B, O> writer;

    private volatile StoreView<B> view;
    private volatile boolean closed;

    private SegmentStore(Path dir, SegmentFormat format, InstantSource clock, DirectoryLock lock,
            StoreWriter<F, B, O> writer) {
        this.dir = dir;
        this.format = format;
        this.clock = clock;
        this.lock = lock;
        this.writer = writer;
        this.view = writer.view();
    }

    /**
     * Opens (or creates) the store in {@code directory} and recovers what it holds.
     *
     * @param directory the store's own folder; created if missing
     * @param codec the store's layout
     * @param settings segment and block sizes, and whether to force writes to disk
     * @param clock the time for the age of segments and for retention
     * @throws IOException if the folder cannot be used, holds a segment that is not of the codec's format and version,
     *     or another store holds it
     */
    public static <F extends DataFrame, B extends Block, O extends BlockBuilder<F, B>> SegmentStore<F, B, O> open(
            Path directory, StoreCodec<F, B, O> codec, SegmentSettings settings, InstantSource clock) throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        SegmentFormat format = codec.format();
        Files.createDirectories(directory);
        DirectoryLock lock = DirectoryLock.acquire(directory, format.store());
        try {
            long started = System.nanoTime();
            StoreFiles<F, B, O> files = new StoreFiles<>(directory, codec, settings.fsync());
            StoreFiles.Opened<B, O> opened = files.open(clock.millis());
            SegmentStore<F, B, O> store = new SegmentStore<>(directory, format, clock, lock,
                    new StoreWriter<>(directory, codec, files, settings, opened));
            LOG.info("{} in {}: {} segments, {} {}, {} bytes, opened in {} ms", format.title(), directory,
                    opened.closed().size() + 1, store.items(), format.items(), store.bytesOnDisk(),
                    (System.nanoTime() - started) / 1_000_000);
            return store;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Stores {@code batch}: once this returns it is written to the operating system (and to disk with {@code fsync}),
     * and the next {@link #view()} shows it.
     *
     * @throws UncheckedIOException if it cannot be written; none of it is then stored
     * @throws IllegalStateException if the store is closed
     */
    public void append(Batch<F, O> batch) {
        append(batch, () -> {});
    }

    /**
     * Stores {@code batch} as {@link #append(Batch)} does, then runs {@code stored} under the append lock, so that
     * what it hands the batch to sees batches in the order they were stored. {@code stored} must not log nor block.
     */
    public void append(Batch<F, O> batch, Runnable stored) {
        requireNonNull(batch, "batch is null");
        requireNonNull(stored, "stored is null");
        @Nullable IOException sealFailure;
        Path segment;
        appendLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the " + format.store() + " in " + dir + " is closed");
            }
            sealFailure = writer.append(batch, clock.millis());
            segment = writer.active().file().path();
            view = writer.view();
            stored.run();
        } finally {
            appendLock.unlock();
        }
        if (sealFailure != null) {
            LOG.warn("{}: could not write a block index to {}: {}", format.title(), segment, sealFailure.toString());
        }
    }

    /** What readers see now: a snapshot, unchanged by later appends. */
    public StoreView<B> view() {
        return view;
    }

    /**
     * Applies retention: deletes every closed segment whose latest item is older than {@code retention}, then, while
     * the store takes more than {@code retentionBytes}, the oldest closed segments. The segment being written is
     * closed first if it is too old, or if all its items are past retention. A segment that a reader holds is deleted
     * when the reader is done. It never throws for a file it cannot delete (it logs it); after {@link #close} it does
     * nothing.
     *
     * @param retention how long items are kept, by their time
     * @param retentionBytes the most bytes the store may take, 0 for no limit (the segment being written is never
     *     deleted for size)
     */
    public void maintain(Duration retention, long retentionBytes) {
        requireNonNull(retention, "retention is null");
        StoreWriter.Maintenance<B> done;
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            long now = clock.millis();
            done = writer.maintain(now, cutoffNanos(now, retention), retentionBytes);
            view = writer.view();
        } finally {
            appendLock.unlock();
        }
        IOException rollFailure = done.rollFailure();
        if (rollFailure != null) {
            LOG.warn("{}: could not start a new segment in {}: {}", format.title(), dir, rollFailure.toString());
        }
        List<Segment<B>> dropped = done.dropped();
        for (Segment<B> s : dropped) {
            s.drop();
        }
        if (!dropped.isEmpty()) {
            long bytes = dropped.stream().mapToLong(Segment::size).sum();
            long items = dropped.stream().mapToLong(Segment::items).sum();
            LOG.info("{}: retention deleted {} segments ({} {}, {} bytes) from {}", format.title(), dropped.size(), items,
                    format.items(), bytes, dir);
        }
    }

    /** The time, in nanoseconds since the epoch, before which items are past retention. */
    static long cutoffNanos(long nowMillis, Duration retention) {
        Instant cutoff;
        try {
            cutoff = Instant.ofEpochMilli(nowMillis).minus(retention);
        } catch (DateTimeException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
        try {
            return Math.addExact(Math.multiplyExact(cutoff.getEpochSecond(), 1_000_000_000L), cutoff.getNano());
        } catch (ArithmeticException e) {
            return cutoff.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The bytes the segments take on disk. */
    public long bytesOnDisk() {
        return view.segments().stream().mapToLong(Segment::size).sum();
    }

    /** How many items the store holds. */
    public long items() {
        return view.segments().stream().mapToLong(Segment::items).sum();
    }

    /** How many segment files the store has. */
    public int segmentCount() {
        return view.segments().size();
    }

    /**
     * Seals the open block, forces what was written to disk, closes the files and releases the folder. Readers still
     * running finish first; appends after this fail. Never throws (it logs what failed). Idempotent.
     */
    @Override
    public void close() {
        @Nullable IOException failure = null;
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                failure = e;
            }
        } finally {
            appendLock.unlock();
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("{}: could not release the lock on {}: {}", format.title(), dir, e.toString());
        }
        if (failure != null) {
            LOG.warn("{}: could not write the last block index to {} ({}); it is built again on the next open",
                    format.title(), dir, failure.toString());
        }
    }
}
