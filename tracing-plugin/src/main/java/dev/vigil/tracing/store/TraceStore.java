package dev.vigil.tracing.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import dev.vigil.storage.SegmentSettings;
import dev.vigil.storage.SegmentStore;
import dev.vigil.storage.StoreView;
import dev.vigil.tracing.SpanSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded trace store: durable, searchable spans in one folder, needing no other process.
 *
 * <p>Spans are appended to numbered segment files. Each appended batch becomes one LZ4-compressed data frame (or a few,
 * past 1 MiB) with a small header: count, start range, errors, duration range, operations and resources. Frames are
 * grouped into blocks of about {@value #BLOCK_RAW_BYTES} bytes of spans (or an eighth of a segment on disk); when a
 * block is full its index is appended as a block frame: per operation (service, span name, kind) its span count,
 * errors, start and duration ranges; a table of which frames hold each trace; a Bloom filter of the trace ids, kept in
 * memory; and a Bloom filter of attribute {@code name=value} pairs. Resources and operations are written once per
 * segment in a small dictionary, which is what {@link #services} and {@link #operations} read, with the block indexes,
 * instead of spans. A trace lookup asks only the blocks whose trace filter lets the id through, and decompresses only
 * the frames their trace table names, however many batches the trace's spans came in. A search skips every block and
 * frame whose index rules it out. Spans need not arrive in time order. The block being written is indexed in memory.
 * The segment being written is closed at {@code segmentSize}, or once it is an hour old (by the clock) and holds
 * spans, which bounds how long retention keeps a span past its age.
 *
 * <p>{@link #accept} writes a batch with one write to the operating system before it returns, so the batch survives
 * the process being killed; with {@code fsync} it is also forced to disk. On {@link #open}, a segment that ends in an
 * unfinished write is cut back to the last whole batch, and the open block's index is built again from its frames. One
 * store at a time may use a folder (a lock file says so, released by the operating system if the process dies).
 *
 * <p>With {@link TraceStoreSettings.TailSampling tail sampling} on, {@link #accept} holds spans in memory instead, and
 * each trace is decided (and its spans written, or dropped) once it has had no new span for the decision wait; traces
 * that are due are decided on the next {@link #accept} or {@link #maintain()}, and every trace still held is decided
 * when the store is closed. <strong>A crash (or a killed process) loses the spans held at that moment</strong>: those
 * of traces still within their decision wait, and of traces due but not yet decided (at most a maintenance interval
 * more). A span that arrives after its trace was decided gets the same decision, for a while (ten decision waits, at
 * least five minutes).
 *
 * <p>Thread-safe. Appending threads encode and compress their batches in parallel; only the file write and the
 * in-memory index update are serialised. Queries read a snapshot published after each append and never take the
 * append lock. The owner calls {@link #maintain()} periodically (every minute) to apply retention and decide held
 * traces, and closes the store.
 */
public final class TraceStore implements TraceQuery, SpanSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TraceStore.class);

    /** How long a segment may be written to before the next one is started. */
    static final Duration MAX_SEGMENT_AGE = Duration.ofHours(1);
    /** Bytes of spans (uncompressed) after which a block is sealed. */
    static final long BLOCK_RAW_BYTES = 4L << 20;

    private final Path dir;
    private final TraceStoreSettings settings;
    private final SegmentStore<FrameInfo, BlockView, OpenBlock> segments;
    private final Dictionary dictionary;
    private final SpanEncoder.Pool encoders;
    private final @Nullable TailSampler sampler;
    private final AtomicLong lostSpans = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TraceStore(Path dir, TraceStoreSettings settings, Clock clock,
            SegmentStore<FrameInfo, BlockView, OpenBlock> segments, Dictionary dictionary) {
        this.dir = dir;
        this.settings = settings;
        this.segments = segments;
        this.dictionary = dictionary;
        this.encoders = new SpanEncoder.Pool(dictionary);
        this.sampler = settings.tailSampling().enabled() ? new TailSampler(settings.tailSampling(), clock) : null;
    }

    /**
     * Opens (or creates) the store in {@code directory} and recovers what it holds.
     *
     * @param directory the store's own folder; created if missing
     * @param settings retention, segment layout and tail sampling
     * @param clock the time for retention, the age of segments and tail-sampling decisions
     * @throws IOException if the folder cannot be used, holds a file that is not a segment of this format, or another
     *     store holds it
     */
    public static TraceStore open(Path directory, TraceStoreSettings settings, Clock clock) throws IOException {
        return open(directory, settings, clock, BLOCK_RAW_BYTES);
    }

    /** Opens the store with blocks sealed after {@code blockRawBytes} of spans: small blocks for tests. */
    static TraceStore open(Path directory, TraceStoreSettings settings, Clock clock, long blockRawBytes) throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        Dictionary dictionary = new Dictionary();
        SegmentStore<FrameInfo, BlockView, OpenBlock> segments = SegmentStore.open(directory, new TraceCodec(dictionary),
                new SegmentSettings(settings.segmentSize().bytes(), MAX_SEGMENT_AGE, blockRawBytes, settings.fsync()), clock);
        return new TraceStore(directory, settings, clock, segments, dictionary);
    }

    /**
     * Stores {@code spans} as one batch, in order: once this returns they are written to the operating system (and to
     * disk with {@code fsync}), and queries see them. With tail sampling on, they are held for their trace's decision
     * instead (see the class description), and spans of traces that became due are written.
     *
     * @throws UncheckedIOException if they cannot be written; none of them is then stored
     * @throws IllegalStateException if the store is closed
     */
    @Override
    public void accept(List<SpanRecord> spans) {
        if (spans.isEmpty()) {
            return;
        }
        checkOpen();
        if (sampler == null) {
            append(spans);
        } else {
            storeDecided(sampler.offer(spans));
        }
    }

    private void append(List<SpanRecord> spans) {
        SpanEncoder encoder = encoders.take();
        try {
            encoder.encode(spans);
            segments.append(encoder.batch());
        } finally {
            encoders.give(encoder);
        }
    }

    /** Writes the spans of traces tail sampling kept; they belong to earlier calls, so a failure is logged, not thrown. */
    private void storeDecided(List<SpanRecord> spans) {
        if (spans.isEmpty()) {
            return;
        }
        try {
            append(spans);
        } catch (UncheckedIOException | IllegalStateException e) {
            long lost = lostSpans.addAndGet(spans.size());
            LOG.warn("Trace store: could not write {} spans of sampled traces to {} ({} lost so far): {}", spans.size(), dir,
                    lost, e.getCause() != null ? e.getCause().toString() : e.getMessage());
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the trace store in " + dir + " is closed");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code traceId} is 32 hex digits (or 16, taken as a 64-bit id with a high half of zero), in either case. A span
     * stored twice (the same span id, start and end, as a retried export leaves it) is returned once.
     */
    @Override
    public List<SpanRecord> trace(String traceId) {
        String id = TraceIds.normalize(requireNonNull(traceId, "traceId is null"));
        checkOpen();
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            return new TraceLoader(held.blocks(), dictionary, new Reader()).trace(TraceRef.of(id));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the trace store in " + dir, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Traces that started at the same nanosecond come in the order of their ids. Each summary counts all the trace's
     * spans, also those outside the search's time range.
     */
    @Override
    public List<TraceSummary> search(TraceSearch search) {
        requireNonNull(search, "search is null");
        checkOpen();
        Reader reader = new Reader();
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            TraceLoader loader = new TraceLoader(held.blocks(), dictionary, reader);
            return new TraceSearcher(new SearchPlan(search, dictionary), loader, reader, search.limit()).run(held.blocks());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the trace store in " + dir, e);
        }
    }

    @Override
    public List<String> services(Instant from, Instant to) {
        return OperationLister.services(operationsBetween(from, to, id -> true), dictionary);
    }

    @Override
    public List<Operation> operations(String service, Instant from, Instant to) {
        requireNonNull(service, "service is null");
        BitSet ids = operationsBetween(from, to, id -> {
            Dictionary.Operation op = dictionary.operation(id);
            return op != null && op.service().equals(service);
        });
        return OperationLister.operations(ids, dictionary);
    }

    private BitSet operationsBetween(Instant from, Instant to, IntPredicate wanted) {
        checkRange(from, to);
        checkOpen();
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            return new OperationLister(new Reader(), Nanos.at(from), Nanos.at(to)).list(held.blocks(), wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the trace store in " + dir, e);
        }
    }

    @Override
    public void scan(Instant from, Instant to, Consumer<SpanRecord> consumer) {
        checkRange(from, to);
        requireNonNull(consumer, "consumer is null");
        checkOpen();
        long lo = Nanos.at(from);
        long hi = Nanos.at(to);
        Reader reader = new Reader();
        try (StoreView.Retained<BlockView> held = segments.view().retain()) {
            for (BlockView block : held.blocks()) {
                if (block.maxStart < lo || block.minStart >= hi) {
                    continue;
                }
                for (FrameInfo frame : block.frames(reader)) {
                    FrameSpans spans =
                            frame.maxStart() < lo || frame.minStart() >= hi ? null : reader.load(block.segment, frame);
                    for (int i = 0; spans != null && i < spans.n; i++) {
                        long start = spans.start(i);
                        if (start >= lo && start < hi) {
                            consumer.accept(spans.span(i, dictionary));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the trace store in " + dir, e);
        }
    }

    private static void checkRange(Instant from, Instant to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
    }

    /**
     * Decides the held traces that are due (with tail sampling), then applies retention: deletes every closed segment
     * whose latest span start is older than {@code retention}, then, while the store takes more than
     * {@code retentionSize}, the oldest closed segments. The segment being written is closed first if it is an hour
     * old, or if all its spans are past retention. A segment a query is reading is deleted when the query is done.
     * Call it every minute or so (more often shortens how long decided traces wait); it never throws for a file it
     * cannot delete (it logs it).
     */
    public void maintain() {
        if (closed.get()) {
            return;
        }
        if (sampler != null) {
            storeDecided(sampler.due());
        }
        segments.maintain(settings.retention(), settings.retentionSize().bytes());
    }

    /** The bytes the segments take on disk. */
    public long bytesOnDisk() {
        return segments.bytesOnDisk();
    }

    /** How many spans the store holds on disk. */
    public long spanCount() {
        return segments.items();
    }

    /** How many spans tail sampling holds in memory, waiting for their trace's decision; 0 when it is off. */
    public int heldSpans() {
        return sampler == null ? 0 : sampler.heldSpans();
    }

    /** What queries see now. */
    StoreView<BlockView> view() {
        return segments.view();
    }

    Dictionary dictionary() {
        return dictionary;
    }

    @Nullable TailSampler sampler() {
        return sampler;
    }

    /** How many segment files the store has. */
    int segmentCount() {
        return segments.segmentCount();
    }

    /**
     * Decides every trace tail sampling holds and writes those kept, seals the open block, forces what was written to
     * disk and closes the files. Queries still running finish first. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (sampler != null) {
            storeDecided(sampler.drain());
        }
        segments.close();
    }
}
