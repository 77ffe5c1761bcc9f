package dev.vigil.metrics.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricStoreStats;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.SampleRejectedException.Reason;
import dev.vigil.metrics.store.block.Block;
import dev.vigil.metrics.store.block.BlockWriter;
import dev.vigil.metrics.store.chunk.Chunk;
import dev.vigil.metrics.store.chunk.ChunkBytes;
import dev.vigil.metrics.store.chunk.ChunkCursor;
import dev.vigil.metrics.store.head.MemSeries;
import dev.vigil.metrics.store.head.SeriesRegistry;
import dev.vigil.metrics.store.wal.LogFile;
import dev.vigil.metrics.store.wal.RecordBuffer;
import dev.vigil.metrics.store.wal.RecordReader;
import dev.vigil.metrics.store.wal.Records;
import dev.vigil.metrics.store.wal.Wal;
import dev.vigil.storage.DirectoryLock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded time-series store: a write-ahead log for durability, an in-memory head of compressed chunks
 * for recent samples, and immutable blocks on disk for older ones, in one folder and needing no other
 * process. Follows Prometheus's rules for what it accepts.
 *
 * <p>A commit writes its batch to the log (and with {@code fsync}, forces it) before it returns, so a
 * committed sample survives the process being killed. Appenders check their samples and encode them on
 * their own threads; only the log write and the hand-over to the head are serialised. {@link #maintain()}
 * moves old head data into blocks, applies retention and truncates the log; the owner calls it
 * periodically. Thread-safe.
 */
public final class Tsdb implements MetricStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tsdb.class);

    private final Path dir;
    private final Path blocksDir;
    private final StoreSettings settings;
    private final Clock clock;
    private final long blockMillis;
    private final long retentionMillis;
    private final DirectoryLock lock;
    private final SeriesRegistry registry;
    /** Written and replaced only under the log lock. */
    private volatile LogFile seriesLog;
    private final Wal wal;
    private final MetadataFile metadata;
    private final StoreMeters meters;
    private final Set<String> limitLogged = ConcurrentHashMap.newKeySet();

    /** Serialises log writes and the checks that decide what a commit writes. */
    private final ReentrantLock walLock = new ReentrantLock();
    /** Taken before the log lock is released, so commits reach the head in log order. */
    private final ReentrantLock applyLock = new ReentrantLock();
    /** Readers snapshot blocks and head together; maintenance swaps head data for blocks under the write lock. */
    private final ReentrantReadWriteLock viewLock = new ReentrantReadWriteLock();
    private final Object maintainLock = new Object();

    private volatile List<Block> blocks;
    private volatile long minValidTime;
    private volatile long headMinTime = Long.MAX_VALUE;
    private volatile long headMaxTime = Long.MIN_VALUE;
    private volatile long headSamples;
    private volatile boolean closed;
    private long commitSeq;
    private final RecordBuffer retryBuffer = new RecordBuffer();
    private final AppendBuffers.Pool appendBuffers = new AppendBuffers.Pool();

    private Tsdb(Path dir, StoreSettings settings, MeterRegistry meterRegistry, Clock clock, DirectoryLock lock)
            throws IOException {
        this.dir = dir;
        this.blocksDir = dir.resolve("blocks");
        this.settings = settings;
        this.clock = clock;
        this.lock = lock;
        this.blockMillis = settings.blockDuration().toMillis();
        this.retentionMillis = settings.retention().toMillis();
        this.registry = new SeriesRegistry(settings.maxSeriesPerMetric());
        long started = System.nanoTime();

        Path seriesFile = dir.resolve("series");
        if (Files.exists(seriesFile)) {
            RecordReader.readAndRepair(seriesFile, (type, payload) -> {
                if (type == Records.SERIES) {
                    Records.readSeries(payload, registry::restore);
                }
            });
        }
        this.seriesLog = LogFile.open(seriesFile, settings.fsync());
        this.blocks = loadBlocks();
        long valid = Long.MIN_VALUE;
        for (Block block : blocks) {
            valid = Math.max(valid, block.meta().rangeEnd());
        }
        this.minValidTime = valid;

        long[] counts = new long[3];
        this.wal = Wal.openAndReplay(dir.resolve("wal"), settings.fsync(), (id, t, bits) -> {
            MemSeries s = registry.get(id);
            if (s == null) {
                counts[2]++;
            } else if (t < minValidTime || t <= s.committedTime) {
                counts[1]++;
            } else {
                s.committedTime = t;
                s.committedBits = bits;
                s.append(t, bits, blockMillis);
                if (!s.isActive()) {
                    registry.activateAnyway(s);
                }
                headMinTime = Math.min(headMinTime, t);
                headMaxTime = Math.max(headMaxTime, t);
                counts[0]++;
            }
        });
        this.headSamples = counts[0];
        this.metadata = MetadataFile.load(dir.resolve("metadata"));
        this.meters = new StoreMeters(meterRegistry, this);
        LOG.info("Metric store in {}: {} series, {} blocks, {} samples replayed from the write-ahead log ({} already in "
                + "blocks or repeated, {} of unknown series) in {} ms", dir, registry.size(), blocks.size(), counts[0],
                counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Opens (or creates) the store in {@code directory} and recovers what it holds: the series log, the
     * blocks, and the samples in the write-ahead log.
     *
     * @param directory the store's own folder; created if missing
     * @param settings retention, limits and block layout
     * @param meters where the store registers its meters ({@code vigil.store.*}); removed again on close
     * @param clock the time for retention and for when head data is old enough for a block
     * @throws IOException if the folder cannot be used, or another store holds it
     */
    public static Tsdb open(Path directory, StoreSettings settings, MeterRegistry meters, Clock clock) throws IOException {
        requireNonNull(directory, "directory is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(meters, "meters is null");
        requireNonNull(clock, "clock is null");
        Files.createDirectories(directory);
        DirectoryLock lock = DirectoryLock.acquire(directory, "metric store");
        try {
            return new Tsdb(directory, settings, meters, clock, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private List<Block> loadBlocks() throws IOException {
        Files.createDirectories(blocksDir);
        List<Block> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(blocksDir)) {
            for (Path path : dirs) {
                if (Block.isUnfinished(path)) {
                    LOG.info("Metric store: removing {}, a block that was not finished", path);
                    Block.deleteTree(path);
                } else if (Block.isBlockFolder(path)) {
                    found.add(Block.open(path));
                }
            }
        }
        found.sort(Comparator.comparingLong(b -> b.meta().rangeStart()));
        return List.copyOf(found);
    }

    @Override
    public MetricAppender appender() {
        checkOpen();
        return new TsdbAppender(this, Math.max(minValidTime, clock.millis() - retentionMillis), appendBuffers.take());
    }

    @Override
    public MetricQuerier querier(long minTime, long maxTime) {
        if (minTime > maxTime) {
            throw new IllegalArgumentException("minTime " + minTime + " is after maxTime " + maxTime);
        }
        checkOpen();
        return new TsdbQuerier(this, minTime, maxTime);
    }

    @Override
    public Map<String, MetricMetadata> metadata() {
        return metadata.snapshot();
    }

    @Override
    public MetricStoreStats stats() {
        long samples = headSamples;
        long min = headMinTime;
        long max = headMaxTime;
        for (Block block : blocks) {
            samples += block.meta().samples();
            min = Math.min(min, block.meta().minTime());
            max = Math.max(max, block.meta().maxTime());
        }
        return new MetricStoreStats(registry.size(), samples, min, max, bytesOnDisk());
    }

    SeriesRegistry registry() {
        return registry;
    }

    int seriesCount() {
        return registry.size();
    }

    int blockCount() {
        return blocks.size();
    }

    long walBytes() {
        return wal.size();
    }

    long bytesOnDisk() {
        long bytes = wal.size() + seriesLog.size();
        for (Block block : blocks) {
            bytes += block.bytes();
        }
        return bytes;
    }

    /**
     * The series for an append: by reference when it still names these labels, else by labels, else new.
     * A series without samples in the head must find room under its metric's limit again.
     */
    MemSeries series(long ref, Labels labels) throws SampleRejectedException {
        if (ref > 0 && ref <= Integer.MAX_VALUE) {
            MemSeries s = registry.get((int) ref);
            if (s != null && s.labels().equals(labels)) {
                return active(s);
            }
        }
        if (labels.isEmpty()) {
            throw reject(Reason.INVALID_LABELS, "a series needs at least one label");
        }
        MemSeries s = registry.getOrCreate(labels);
        if (s == null) {
            throw limitReached(labels, "new series such as " + labels + " are refused");
        }
        return active(s);
    }

    private MemSeries active(MemSeries s) throws SampleRejectedException {
        // a plain field read for the common case: the series already has samples in the head
        if (s.isActive() || registry.activate(s)) {
            return s;
        }
        throw limitReached(s.labels(), "series without samples in the head such as " + s.labels() + " are refused");
    }

    private SampleRejectedException limitReached(Labels labels, String refused) {
        String metric = labels.metricName();
        String message = "metric \"" + metric + "\" has reached its limit of " + settings.maxSeriesPerMetric()
                + " series (storage.maxSeriesPerMetric); " + refused;
        if (limitLogged.add(metric)) {
            LOG.warn("Metric store: {}", message);
        }
        return reject(Reason.SERIES_LIMIT, message);
    }

    SampleRejectedException reject(Reason reason, String message) {
        meters.rejected(reason);
        return new SampleRejectedException(reason, message);
    }

    /**
     * Writes a checked batch to the log and hands it to the head. Checks each sample again under the log
     * lock, since another appender may have committed to the same series since it was appended.
     */
    int commit(AppendBuffers buffers, int size) {
        MemSeries[] series = buffers.series;
        long[] times = buffers.times;
        long[] bits = buffers.bits;
        buffers.commitArrays(size);
        int[] ids = buffers.ids;
        for (int i = 0; i < size; i++) {
            ids[i] = series[i].id();
        }
        NewSeries unlogged = NewSeries.of(series, size);
        RecordBuffer samples = buffers.samples.clear();
        Records.writeSamples(samples, ids, times, bits, size);

        boolean[] keep = buffers.keep;
        long[] savedTime = buffers.savedTime;
        long[] savedBits = buffers.savedBits;
        int accepted = 0;
        walLock.lock();
        try {
            checkOpen();
            long seq = ++commitSeq;
            long floor = minValidTime;
            boolean dropped = false;
            boolean changed = false;
            for (int i = 0; i < size; i++) {
                MemSeries s = series[i];
                if (s.removed) {
                    // maintenance forgot the series after it was appended to
                    s = registry.revive(s);
                    series[i] = s;
                    ids[i] = s.id();
                    changed = true;
                } else if (!s.logged && !changed && (unlogged == null || !unlogged.has(s))) {
                    // another commit failed to write its record, or revived the series
                    changed = true;
                }
                if (s.mark != seq) {
                    s.mark = seq;
                    savedTime[i] = s.committedTime;
                    savedBits[i] = s.committedBits;
                } else {
                    savedTime[i] = Long.MAX_VALUE;
                }
                long t = times[i];
                if (t < floor) {
                    meters.rejected(Reason.OUT_OF_BOUNDS);
                } else if (t > s.committedTime && !s.isActive() && !registry.activate(s)) {
                    // maintenance found the series idle after it was appended to, and the metric filled up since
                    meters.rejected(Reason.SERIES_LIMIT);
                } else if (t > s.committedTime) {
                    s.committedTime = t;
                    s.committedBits = bits[i];
                    keep[i] = true;
                    accepted++;
                } else if (t < s.committedTime) {
                    meters.rejected(Reason.OUT_OF_ORDER);
                } else if (bits[i] != s.committedBits) {
                    meters.rejected(Reason.DUPLICATE_TIMESTAMP);
                }
                dropped |= !keep[i];
            }
            try {
                if (changed) {
                    unlogged = NewSeries.of(series, size);
                }
                if (unlogged != null) {
                    seriesLog.write(unlogged.records());
                    unlogged.markLogged();
                }
                if (accepted > 0) {
                    wal.write(dropped || changed ? keptOnly(ids, times, bits, keep, size) : samples.view());
                }
            } catch (IOException e) {
                for (int i = size - 1; i >= 0; i--) {
                    if (savedTime[i] != Long.MAX_VALUE) {
                        series[i].committedTime = savedTime[i];
                        series[i].committedBits = savedBits[i];
                    }
                }
                throw new UncheckedIOException("could not write samples to the write-ahead log in " + dir, e);
            }
            applyLock.lock();
        } finally {
            walLock.unlock();
        }
        try {
            long min = headMinTime;
            long max = headMaxTime;
            for (int i = 0; i < size; i++) {
                if (keep[i]) {
                    series[i].append(times[i], bits[i], blockMillis);
                    min = Math.min(min, times[i]);
                    max = Math.max(max, times[i]);
                }
            }
            headMinTime = min;
            headMaxTime = max;
            headSamples += accepted;
        } finally {
            applyLock.unlock();
        }
        meters.appended(accepted);
        return accepted;
    }

    private java.nio.ByteBuffer keptOnly(int[] ids, long[] times, long[] bits, boolean[] keep, int size) {
        int n = 0;
        int[] keptIds = new int[size];
        long[] keptTimes = new long[size];
        long[] keptBits = new long[size];
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                keptIds[n] = ids[i];
                keptTimes[n] = times[i];
                keptBits[n] = bits[i];
                n++;
            }
        }
        Records.writeSamples(retryBuffer.clear(), keptIds, keptTimes, keptBits, n);
        return retryBuffer.view();
    }

    /** Takes back the buffers of an appender that is done. */
    void release(AppendBuffers buffers, int size) {
        appendBuffers.give(buffers, size);
    }

    void updateMetadata(Map<String, MetricMetadata> updates) {
        try {
            metadata.update(updates);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the metric metadata in " + dir, e);
        }
    }

    /** The series among {@code ids} with samples from {@code minTime} to {@code maxTime}, in no order. */
    List<StoredSeries> seriesWithSamples(int[] ids, long minTime, long maxTime) {
        List<StoredSeries> found = new ArrayList<>();
        viewLock.readLock().lock();
        try {
            List<Block> view = blocks;
            for (int id : ids) {
                MemSeries s = registry.get(id);
                if (s == null) {
                    continue;
                }
                List<Chunk> chunks = new ArrayList<>(2);
                for (Block block : view) {
                    if (block.meta().maxTime() >= minTime && block.meta().minTime() <= maxTime) {
                        block.chunks(id, minTime, maxTime, chunks);
                    }
                }
                s.chunks(minTime, maxTime, chunks);
                if (!chunks.isEmpty() && new ChunkCursor(chunks, minTime, maxTime).hasAny()) {
                    found.add(new StoredSeries(s.labels(), chunks, minTime, maxTime));
                }
            }
        } finally {
            viewLock.readLock().unlock();
        }
        return found;
    }

    /**
     * Moves head data older than half a block duration before now (or before the newest sample, if that is
     * later) into blocks, deletes blocks past retention by age and by size, and truncates the write-ahead log.
     * Safe to run while samples are appended and queried; runs one at a time. Logs failures rather than
     * throwing them, since the owner calls it from a scheduler.
     */
    public void maintain() {
        synchronized (maintainLock) {
            if (closed) {
                return;
            }
            meters.maintenance().record(() -> {
                long now = clock.millis();
                try {
                    cutBlocks(now);
                    releaseIdleSeries();
                    applyRetention(now);
                    forgetDeadSeries();
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("Metric store maintenance in {} failed; it is tried again next time", dir, e);
                }
            });
        }
    }

    private void cutBlocks(long now) throws IOException {
        long reference = Math.max(now, headMaxTime);
        long cutBefore = Math.floorDiv(reference - blockMillis / 2, blockMillis) * blockMillis;
        if (cutBefore <= minValidTime || headMinTime >= cutBefore) {
            return;
        }
        int segment;
        walLock.lock();
        try {
            applyLock.lock();
            try {
                // from here no commit can add a sample before cutBefore, and every earlier one is in the head
                minValidTime = cutBefore;
                segment = wal.rotate();
            } finally {
                applyLock.unlock();
            }
        } finally {
            walLock.unlock();
        }
        TreeMap<Long, SortedMap<Integer, List<ChunkBytes>>> byRange = new TreeMap<>();
        List<MemSeries> all = registry.all();
        List<ChunkBytes> old = new ArrayList<>();
        for (MemSeries s : all) {
            old.clear();
            s.chunksBefore(cutBefore, old);
            for (ChunkBytes chunk : old) {
                byRange.computeIfAbsent(Math.floorDiv(chunk.minTime(), blockMillis), r -> new TreeMap<>())
                        .computeIfAbsent(s.id(), id -> new ArrayList<>())
                        .add(chunk);
            }
        }
        long retentionFloor = now - retentionMillis;
        List<Block> created = new ArrayList<>();
        for (Map.Entry<Long, SortedMap<Integer, List<ChunkBytes>>> range : byRange.entrySet()) {
            long start = range.getKey() * blockMillis;
            if (start + blockMillis <= retentionFloor) {
                continue;
            }
            created.add(Block.open(BlockWriter.write(blocksDir, start, start + blockMillis, range.getValue())));
        }
        long dropped = 0;
        long min = Long.MAX_VALUE;
        viewLock.writeLock().lock();
        try {
            List<Block> next = new ArrayList<>(blocks);
            next.addAll(created);
            next.sort(Comparator.comparingLong(b -> b.meta().rangeStart()));
            blocks = List.copyOf(next);
            for (MemSeries s : all) {
                dropped += s.truncateBefore(cutBefore);
                min = Math.min(min, s.minTime());
            }
        } finally {
            viewLock.writeLock().unlock();
        }
        applyLock.lock();
        try {
            headSamples -= dropped;
            headMinTime = Math.min(min, headMinTime >= cutBefore ? headMinTime : Long.MAX_VALUE);
        } finally {
            applyLock.unlock();
        }
        // a forgotten series has nothing in the head, so none of its samples are at or after cutBefore either
        wal.checkpoint(segment, (id, t) -> t >= cutBefore && registry.get(id) != null);
        LOG.info("Metric store: moved {} samples before {} from the head into {} new blocks", dropped, cutBefore,
                created.size());
    }

    /** Stops counting, towards their metric's limit, the series that have no samples left in the head. */
    private void releaseIdleSeries() {
        List<MemSeries> idle = new ArrayList<>();
        for (MemSeries s : registry.all()) {
            if (s.isActive() && s.isEmpty()) {
                idle.add(s);
            }
        }
        if (idle.isEmpty()) {
            return;
        }
        int released = 0;
        // with both locks held every committed sample is in the head, and a commit that comes later checks again
        walLock.lock();
        try {
            applyLock.lock();
            try {
                for (MemSeries s : idle) {
                    if (s.isEmpty() && registry.deactivate(s)) {
                        released++;
                    }
                }
            } finally {
                applyLock.unlock();
            }
        } finally {
            walLock.unlock();
        }
        LOG.debug("Metric store: {} series without samples in the head no longer count towards their limit", released);
    }

    /**
     * Forgets the series that have nothing in the head and are in no block: they leave the registry, the
     * postings and the series log, which is rewritten without them.
     */
    private void forgetDeadSeries() throws IOException {
        List<Block> view = blocks;
        List<MemSeries> dead = new ArrayList<>();
        for (MemSeries s : registry.all()) {
            if (s.isEmpty() && !inAnyBlock(view, s.id())) {
                dead.add(s);
            }
        }
        if (dead.isEmpty()) {
            return;
        }
        int forgotten = 0;
        long before;
        long after;
        // commits write the series log and revive series under the log lock, so none is lost in between
        walLock.lock();
        try {
            applyLock.lock();
            try {
                for (MemSeries s : dead) {
                    if (s.isEmpty()) {
                        registry.remove(s);
                        forgotten++;
                    }
                }
            } finally {
                applyLock.unlock();
            }
            if (forgotten == 0) {
                return;
            }
            // a series whose commit has not written its record yet is written by that commit, to the new log
            List<MemSeries> logged = new ArrayList<>();
            for (MemSeries s : registry.all()) {
                if (s.logged) {
                    logged.add(s);
                }
            }
            before = seriesLog.size();
            Path file = seriesLog.path();
            seriesLog.close();
            try {
                SeriesLogRewrite.rewrite(file, logged);
            } finally {
                seriesLog = LogFile.open(file, settings.fsync());
            }
            after = seriesLog.size();
        } finally {
            walLock.unlock();
        }
        LOG.info("Metric store: forgot {} series with no samples left; series log from {} to {} bytes", forgotten,
                before, after);
    }

    private static boolean inAnyBlock(List<Block> view, int id) {
        for (Block block : view) {
            if (block.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private void applyRetention(long now) throws IOException {
        List<Block> current = blocks;
        List<Block> expired = new ArrayList<>();
        long floor = now - retentionMillis;
        long total = bytesOnDisk();
        for (Block block : current) {
            if (block.meta().maxTime() < floor) {
                expired.add(block);
                total -= block.bytes();
            }
        }
        long limit = settings.retentionSize().bytes();
        if (limit > 0) {
            for (Block block : current) {
                if (total <= limit) {
                    break;
                }
                if (!expired.contains(block)) {
                    expired.add(block);
                    total -= block.bytes();
                }
            }
        }
        if (expired.isEmpty()) {
            return;
        }
        viewLock.writeLock().lock();
        try {
            List<Block> next = new ArrayList<>(blocks);
            next.removeAll(expired);
            blocks = List.copyOf(next);
        } finally {
            viewLock.writeLock().unlock();
        }
        for (Block block : expired) {
            LOG.info("Metric store: deleting block {} ({} to {}, {} bytes) past retention", block.dir(),
                    block.meta().minTime(), block.meta().maxTime(), block.bytes());
            Block.deleteTree(block.dir());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the metric store in " + dir + " is closed");
        }
    }

    /** Flushes and closes the logs, removes the meters and releases the folder. Does nothing the second time. */
    @Override
    public void close() throws IOException {
        synchronized (maintainLock) {
            if (closed) {
                return;
            }
            walLock.lock();
            try {
                closed = true;
                try {
                    wal.close();
                } finally {
                    try {
                        seriesLog.close();
                    } finally {
                        meters.remove();
                        lock.close();
                    }
                }
            } finally {
                walLock.unlock();
            }
        }
        LOG.debug("Metric store in {} closed", dir);
    }

    @Override
    public String toString() {
        return "Tsdb[" + dir + "]";
    }
}
