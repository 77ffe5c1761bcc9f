package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.outbox.OutboxRecord.Attempted;
import dev.vigil.alerting.outbox.OutboxRecord.Enqueued;
import dev.vigil.alerting.outbox.OutboxRecord.Settled;
import dev.vigil.alerting.outbox.OutboxRecord.Settlement;
import dev.vigil.alerting.outbox.storage.MalformedRecordException;
import dev.vigil.alerting.outbox.storage.RecordFile;
import dev.vigil.alerting.outbox.storage.RecordScanner;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's segment files: appending, rolling to a new segment, recovery at start and removing a segment
 * whose deliveries are all settled. Which deliveries are pending is the caller's bookkeeping, kept in
 * {@link Segment#pending}. Not thread-safe: the outbox calls it under its lock.
 */
final class OutboxLog implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxLog.class);
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.log");

    private final Path dir;
    private final long segmentBytes;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Segment> segments = new ArrayList<>();
    private Segment active;

    /**
     * What recovery found.
     *
     * @param log the opened log
     * @param pending deliveries not settled, by sequence number, each with its newest copy and attempt count
     * @param ended the ids of notifications with a settled delivery still on file, each with when the last such
     *     delivery was settled (the notification may have other deliveries pending)
     * @param nextSeq the first unused sequence number
     * @param badFrames segments that ended in a torn or corrupt frame (the active one is cut back, others skipped)
     * @param malformed records whose frames were intact but did not parse, skipped
     */
    record Opened(OutboxLog log, List<Recovered> pending, Map<String, Instant> ended, long nextSeq, int badFrames, int malformed) {}

    /** A delivery found pending at start. */
    record Recovered(Enqueued record, int attempts, Segment segment) {}

    private OutboxLog(Path dir, long segmentBytes, Clock clock, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.active = new Segment(-1, dir, clock.instant());
    }

    /** Opens the log in {@code dir}, creating it if needed, and reads back what it holds. */
    static Opened open(Path dir, long segmentBytes, Clock clock) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("outbox.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("the outbox in " + dir + " is open in another process or instance");
        }
        OutboxLog log = new OutboxLog(dir, segmentBytes, clock, lockChannel, lock);
        try {
            return log.recover();
        } catch (IOException | RuntimeException e) {
            log.closeQuietly(e);
            throw e;
        }
    }

    private Opened recover() throws IOException {
        List<Path> files = segmentFiles();
        Map<Long, Enqueued> latest = new HashMap<>();
        Map<Long, Segment> where = new HashMap<>();
        Map<Long, Integer> attempts = new HashMap<>();
        Map<Long, Instant> settled = new HashMap<>();
        Set<Long> parents = new HashSet<>();
        long[] maxSeq = {-1};
        int[] malformed = {0};
        int badFrames = 0;
        long nextNumber = 0;
        long activeValidBytes = -1;
        Instant now = clock.instant();
        for (int i = 0; i < files.size(); i++) {
            Path path = files.get(i);
            boolean last = i == files.size() - 1;
            long number = number(path);
            nextNumber = number + 1;
            Segment segment = new Segment(number, path, now);
            RecordScanner.Scan scan = RecordScanner.scan(path, OutboxRecord.MAGIC, OutboxRecord.VERSION, Long.MAX_VALUE, (offset, body) -> {
                OutboxRecord record;
                try {
                    record = OutboxRecord.decode(body);
                } catch (MalformedRecordException e) {
                    malformed[0]++;
                    LOG.warn("Skipped an unreadable record at offset {} of {}: {}", offset, path, e.getMessage());
                    return;
                }
                segment.records++;
                maxSeq[0] = Math.max(maxSeq[0], record.seq());
                if (record instanceof Enqueued e) {
                    latest.put(e.seq(), e);
                    where.put(e.seq(), segment);
                    attempts.merge(e.seq(), e.attempts(), Math::max);
                    if (e.parentSeq() >= 0) {
                        parents.add(e.parentSeq());
                    }
                } else if (record instanceof Attempted a) {
                    attempts.merge(a.seq(), a.attempts(), Math::max);
                } else if (record instanceof Settled s) {
                    settled.put(s.seq(), s.at());
                }
            });
            if (scan.stop() == RecordScanner.Stop.BAD_HEADER) {
                if (last && scan.fileBytes() < RecordFile.HEADER_BYTES) {
                    // a crash while the segment was being created: it never held a record
                    Files.delete(path);
                } else {
                    Path aside = path.resolveSibling(path.getFileName() + ".corrupt");
                    Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
                    badFrames++;
                    LOG.error("Outbox segment {} has no valid header; moved it to {}", path, aside);
                }
                continue;
            }
            if (scan.hasBadTail()) {
                badFrames++;
                if (last) {
                    LOG.warn("Outbox segment {} ends in a torn record; cutting {} bytes after offset {}", path,
                            scan.fileBytes() - scan.validBytes(), scan.validBytes());
                } else {
                    LOG.error("Outbox segment {} is corrupt after offset {}; the {} bytes after it are skipped", path,
                            scan.validBytes(), scan.fileBytes() - scan.validBytes());
                }
            }
            segment.bytes = scan.validBytes();
            segment.sealedAt = now;
            segments.add(segment);
            if (last) {
                activeValidBytes = scan.validBytes();
            }
        }
        if (activeValidBytes >= 0) {
            active = segments.get(segments.size() - 1);
            active.sealedAt = null;
            active.file = RecordFile.openForAppend(active.path, activeValidBytes);
        } else {
            active = createSegment(nextNumber, now);
            segments.add(active);
        }
        List<Recovered> pending = new ArrayList<>();
        Map<String, Instant> ended = new HashMap<>();
        List<OutboxRecord> expanded = new ArrayList<>();
        for (Enqueued e : latest.values()) {
            Instant settledAt = settled.get(e.seq());
            if (settledAt != null) {
                ended.merge(e.notification().id(), settledAt, OutboxLog::later);
                where.get(e.seq()).deliveryEnded(settledAt);
                continue;
            }
            if (e.integration().isEmpty() && parents.contains(e.seq())) {
                // its deliveries were written but the crash came before the placeholder was marked
                expanded.add(new Settled(e.seq(), Settlement.EXPANDED, now, e.attempts(), "resolved at recovery"));
                ended.merge(e.notification().id(), now, OutboxLog::later);
                where.get(e.seq()).deliveryEnded(now);
                continue;
            }
            Segment segment = where.get(e.seq());
            segment.pending++;
            pending.add(new Recovered(e, attempts.getOrDefault(e.seq(), e.attempts()), segment));
        }
        if (!expanded.isEmpty()) {
            append(expanded, true);
        }
        pending.sort((a, b) -> Long.compare(a.record().seq(), b.record().seq()));
        return new Opened(this, Collections.unmodifiableList(pending), Collections.unmodifiableMap(ended), maxSeq[0] + 1, badFrames,
                malformed[0]);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Appends {@code records} in one write to the active segment, first rolling to a new one if they would
     * make it larger than the segment size.
     *
     * @return the segment they were written to
     */
    Segment append(List<? extends OutboxRecord> records, boolean force) throws IOException {
        List<byte[]> bodies = new ArrayList<>(records.size());
        long bytes = 0;
        for (OutboxRecord record : records) {
            byte[] body = OutboxRecord.encode(record);
            bodies.add(body);
            bytes += RecordFile.FRAME_BYTES + body.length;
        }
        RecordFile file = openFile();
        if (file.committed() > RecordFile.HEADER_BYTES && file.committed() + bytes > segmentBytes) {
            roll();
            file = openFile();
        }
        file.append(bodies, force);
        active.records += records.size();
        return active;
    }

    /**
     * Seals the active segment when it was opened at least {@code maxAgeStart} ago and holds more than the
     * pending deliveries, so that compaction can reclaim it.
     */
    boolean rollIfOpenedBefore(Instant maxAgeStart) throws IOException {
        if (active.openedAt.isAfter(maxAgeStart) || active.records <= active.pending) {
            return false;
        }
        roll();
        return true;
    }

    private void roll() throws IOException {
        Instant now = clock.instant();
        Segment next = createSegment(active.number + 1, now);
        Segment sealed = active;
        RecordFile file = openFile();
        sealed.bytes = file.committed();
        sealed.file = null;
        sealed.sealedAt = now;
        segments.add(next);
        active = next;
        file.close();
    }

    private Segment createSegment(long number, Instant now) throws IOException {
        Segment segment = new Segment(number, dir.resolve(Segment.fileName(number)), now);
        segment.file = RecordFile.create(segment.path, OutboxRecord.MAGIC, OutboxRecord.VERSION);
        RecordFile.forceDirectory(dir);
        return segment;
    }

    /** The sealed segments, oldest first. */
    List<Segment> sealed() {
        return List.copyOf(segments.subList(0, segments.size() - 1));
    }

    /** Removes a sealed segment. The caller has made sure nothing in it is still needed. */
    void delete(Segment segment) throws IOException {
        if (segment == active) {
            throw new IllegalArgumentException("the active segment cannot be deleted");
        }
        Files.deleteIfExists(segment.path);
        RecordFile.forceDirectory(dir);
        segments.remove(segment);
    }

    /** The segments' total length. */
    long sizeBytes() {
        return segments.stream().mapToLong(Segment::size).sum();
    }

    /** How many segment files there are. */
    int segmentCount() {
        return segments.size();
    }

    private RecordFile openFile() throws IOException {
        RecordFile file = active.file;
        if (file == null) {
            throw new IOException("the outbox log is closed");
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            RecordFile file = active.file;
            active.file = null;
            if (file != null) {
                file.close();
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    private void closeQuietly(Exception failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static long number(Path path) {
        Matcher m = SEGMENT.matcher(path.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a segment file: " + path);
        }
        return Long.parseLong(requireNonNull(m.group(1), "number"));
    }
}
