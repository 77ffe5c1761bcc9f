package dev.vigil.logging.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.logging.LogSink;
import dev.vigil.storage.SegmentSettings;
import dev.vigil.storage.SegmentStore;
import dev.vigil.storage.StoreView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded log store: durable, searchable records in one folder, needing no other process.
 *
 * <p>Records are appended to numbered segment files. Each appended batch becomes one LZ4-compressed data frame (or a
 * few, past 1 MiB) with a small header: count, time range, counts by severity, resources. Frames are grouped into
 * blocks of about {@value #BLOCK_RAW_BYTES} bytes of records (or an eighth of a segment on disk); when a block is
 * full its index is appended as a block frame: time range, counts, resources, the frame table, and a Bloom filter of
 * every 4-byte run of the bodies and of each trace id, logger name and attribute {@code name=value}. A search reads
 * only those indexes, skips every block and frame whose time range, severities, resources or filter rule it out, and
 * decompresses the rest. Records need not arrive in time order: blocks and frames are skipped by their own time
 * ranges, and results are merged into exact time order (ties in storage order). The block being written is indexed
 * in memory. The segment being written is closed at {@code segmentSize}, or once it is an hour old (by the clock)
 * and holds records, which bounds how long retention keeps a record past its age.
 *
 * <p>Text is stored as UTF-8, so a string holding an unpaired surrogate (never valid text) comes back with {@code ?}
 * in its place.
 *
 * <p>{@link #accept} writes a batch with one write to the operating system before it returns, so the batch survives
 * the process being killed; with {@code fsync} it is also forced to disk. On {@link #open}, a segment that ends in an
 * unfinished write is cut back to the last whole batch, and the open block's index is built again from its frames.
 *
 * <p>Thread-safe. Appending threads compress their batches in parallel; only the file write and the in-memory index
 * update are serialised. Searches, counts and listings read a snapshot published after each append and never take
 * the append lock. Live tails are fed on a thread of the store's. The owner calls {@link #maintain()} periodically
 * (every minute) to apply retention, and closes the store.
 */
public final class LogStore implements LogQuery, LogSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogStore.class);

    /** How long a segment may be written to before the next one is started. */
    static final Duration MAX_SEGMENT_AGE = Duration.ofHours(1);
    /** Bytes of records (uncompressed) after which a block is sealed. */
    static final long BLOCK_RAW_BYTES = 4L << 20;

    private final Path dir;
    private final LogStoreSettings settings;
    private final SegmentStore<FrameInfo, BlockView, OpenBlock> segments;
    /** A random id that cursors carry, so that a cursor of another store is refused. */
    private final long storeId;
    private final ResourceTable resources;
    private final FrameEncoder.Pool encoders;
    private final Tails tails = new Tails();

    private volatile boolean closed;

    private LogStore(Path dir, LogStoreSettings settings, SegmentStore<FrameInfo, BlockView, OpenBlock> segments,
            ResourceTable resources, long storeId) {
        this.dir = dir;
        this.settings = settings;
        this.segments = segments;
        this.resources = resources;
        this.storeId = storeId;
        this.encoders = new FrameEncoder.Pool(resources);
    }

    /**
     * Opens (or creates) the store in {@code directory} and recovers what it holds.
     *
     * @param directory the store's own folder; created if missing
     * @param settings retention and segment layout
     * @param clock the time for retention and for the age of segments
     * @throws IOException if the folder cannot be used, holds a file that is not a segment of this format, or
     *     another store holds it
     */
    public static LogStore open(Path directory, LogStoreSettings settings, Clock clock) throws IOException {
        return open(directory, settings, clock, BLOCK_RAW_BYTES);
    }

    /** Opens the store with blocks sealed after {@code blockRawBytes} of records: small blocks for tests. */
    static LogStore open(Path directory, LogStoreSettings settings, Clock clock, long blockRawBytes) throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        ResourceTable resources = new ResourceTable();
        SegmentStore<FrameInfo, BlockView, OpenBlock> segments = SegmentStore.open(directory, new LogCodec(resources),
                new SegmentSettings(settings.segmentSize().bytes(), MAX_SEGMENT_AGE, blockRawBytes, settings.fsync()), clock);
        try {
            return new LogStore(directory, settings, segments, resources, storeId(directory));
        } catch (IOException | RuntimeException e) {
            segments.close();
            throw e;
        }
    }

    /** The id in the file {@code store.id}, written with a new random one if there is none. */
    private static long storeId(Path dir) throws IOException {
        Path file = dir.resolve("store.id");
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                return HexFormat.fromHexDigitsToLong(text);
            } catch (IllegalArgumentException e) {
                LOG.warn("Log store: {} does not hold an id; writing a new one (cursors given out before are refused)", file);
            }
        }
        long id = new SecureRandom().nextLong();
        Path tmp = dir.resolve("store.id.tmp");
        Files.writeString(tmp, HexFormat.of().toHexDigits(id) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return id;
    }

    /**
     * Stores {@code records} as one batch, in order: once this returns they are written to the operating system (and
     * to disk with {@code fsync}), and searches and tails see them.
     *
     * @throws UncheckedIOException if they cannot be written; none of them is then stored
     * @throws IllegalStateException if the store is closed
     */
    @Override
    public void accept(List<LogRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        checkOpen();
        FrameEncoder encoder = encoders.take();
        try {
            encoder.encode(records);
            segments.append(encoder.batch(), () -> tails.stored(records));
        } finally {
            encoders.give(encoder);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the log store in " + dir + " is closed");
        }
    }

    @Override
    public LogPage search(LogSearch search) {
        requireNonNull(search, "search is null");
        checkOpen();
        Cursor after = search.cursor().map(text -> Cursor.decode(text, storeId, search)).orElse(null);
        QueryPlan plan = new QueryPlan(search.filter(), resources);
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            return Searcher.page(new Searcher(plan, resources, search, after).run(held.blocks()), storeId, search);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log store in " + dir, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>An empty time range has no buckets. When the filter has no logger, attribute, trace id or line conditions,
     * blocks and frames that lie within one bucket are counted from their headers without being read.
     */
    @Override
    public LogCounts counts(LogFilter filter, Duration step) {
        requireNonNull(filter, "filter is null");
        requireNonNull(step, "step is null");
        checkOpen();
        Counter counter = new Counter(new QueryPlan(filter, resources), step);
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            counter.count(held.blocks());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log store in " + dir, e);
        }
        return counter.result(step);
    }

    @Override
    public List<Map<String, String>> resources(Instant from, Instant to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
        checkOpen();
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            return new ResourceLister(resources, LogFilter.nanos(from), LogFilter.nanos(to)).list(held.blocks());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log store in " + dir, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Records are handed over after their batch is stored. If tails fall more than {@value Tails#MAX_PENDING}
     * records behind, further batches are not shown to them until they catch up (a warning says how many).
     */
    @Override
    public Registration tail(LogFilter filter, Consumer<LogRecord> listener) {
        requireNonNull(filter, "filter is null");
        requireNonNull(listener, "listener is null");
        checkOpen();
        return tails.add(filter, listener);
    }

    /**
     * Applies retention: deletes every closed segment whose newest record is older than {@code retention}, then, while
     * the store takes more than {@code retentionSize}, the oldest closed segments. The segment being written is closed
     * first if it is an hour old, or if all its records are past retention. A segment that a search is reading is
     * deleted when the search is done. Call it every minute or so; it never throws for a file it cannot delete (it
     * logs it).
     */
    public void maintain() {
        segments.maintain(settings.retention(), settings.retentionSize().bytes());
    }

    /** The bytes the segments take on disk. */
    public long bytesOnDisk() {
        return segments.bytesOnDisk();
    }

    /** How many records the store holds. */
    public long recordCount() {
        return segments.items();
    }

    /** What searches see now. */
    StoreView<BlockView> view() {
        return segments.view();
    }

    /** How many segment files the store has. */
    int segmentCount() {
        return segments.segmentCount();
    }

    /**
     * Seals the open block, forces what was written to disk and closes the files; stops live tails. Searches still
     * running finish first. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        segments.close();
        tails.close();
    }
}
