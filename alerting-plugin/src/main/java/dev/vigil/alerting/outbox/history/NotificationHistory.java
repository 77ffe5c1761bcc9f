package dev.vigil.alerting.outbox.history;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.outbox.storage.MalformedRecordException;
import dev.vigil.alerting.outbox.storage.RecordFile;
import dev.vigil.alerting.outbox.storage.RecordScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every delivery attempt, in append-only segment files under one directory. Appends are written
 * to the file at once but not forced to disk one by one (a crash of the process loses nothing; a power loss may
 * lose the last moments); segments are forced when they are sealed. Old segments are removed by age and by
 * total size, see {@link HistorySettings}.
 *
 * <p>Queries return entries newest first, in the order they were recorded, a page at a time. Recording never
 * throws: a failure to write is logged and counted ({@link #writeFailures()}), because the history must not
 * stop deliveries. Thread-safe.
 */
public final class NotificationHistory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationHistory.class);
    private static final Pattern SEGMENT = Pattern.compile("history-(\\d{20})\\.log");
    private static final Pattern TOKEN = Pattern.compile("(\\d+)\\.(\\d+)");

    private final Path dir;
    private final HistorySettings settings;
    private final Clock clock;
    private final Object lock = new Object();
    private final List<HistorySegment> segments = new ArrayList<>();
    private final AtomicLong writeFailures = new AtomicLong();
    private HistorySegment active;
    private boolean failing;
    private boolean closed;

    private NotificationHistory(Path dir, HistorySettings settings, Clock clock) {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
        this.active = new HistorySegment(-1, dir, clock.instant());
    }

    /** Opens the history in {@code dir}, creating it if needed; a torn last entry is cut off. */
    public static NotificationHistory open(Path dir, HistorySettings settings, Clock clock) throws IOException {
        NotificationHistory history = new NotificationHistory(requireNonNull(dir, "dir is null"), requireNonNull(settings, "settings is null"),
                requireNonNull(clock, "clock is null"));
        Files.createDirectories(dir);
        history.load();
        return history;
    }

    private void load() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        Instant now = clock.instant();
        long next = 0;
        for (int i = 0; i < files.size(); i++) {
            Path path = files.get(i);
            HistorySegment segment = new HistorySegment(number(path), path, now);
            next = segment.number + 1;
            RecordScanner.Scan scan = RecordScanner.scan(path, HistoryCodec.MAGIC, HistoryCodec.VERSION, Long.MAX_VALUE,
                    (offset, body) -> {
                        try {
                            segment.add(HistoryCodec.at(body), 0);
                        } catch (MalformedRecordException e) {
                            LOG.debug("Skipped an unreadable history entry at offset {} of {}", offset, path, e);
                        }
                    });
            if (scan.stop() == RecordScanner.Stop.BAD_HEADER) {
                LOG.warn("History file {} has no valid header; removing it", path);
                Files.delete(path);
                continue;
            }
            if (scan.hasBadTail()) {
                LOG.warn("History file {} ends in {} unreadable bytes after offset {}; they are skipped", path,
                        scan.fileBytes() - scan.validBytes(), scan.validBytes());
            }
            segment.bytes = scan.validBytes();
            if (segment.minAt != null) {
                segment.openedAt = segment.minAt;
            }
            segments.add(segment);
            if (i == files.size() - 1) {
                segment.file = RecordFile.openForAppend(path, scan.validBytes());
                active = segment;
            }
        }
        if (active.file == null) {
            active = create(next, now);
            segments.add(active);
        }
    }

    /** Adds an entry. Never throws; a failure is logged and counted. */
    public void record(HistoryEntry entry) {
        requireNonNull(entry, "entry is null");
        byte[] body = HistoryCodec.encode(entry);
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                Instant now = clock.instant();
                if (active.entries > 0 && (active.bytes + RecordFile.FRAME_BYTES + body.length > settings.segmentBytes()
                        || !active.openedAt.plus(settings.segmentMaxAge()).isAfter(now))) {
                    roll(now);
                    enforceRetentionLocked(now);
                }
                RecordFile file = requireNonNull(active.file, "active file");
                file.append(List.of(body), false);
                active.add(entry.at(), file.committed());
                if (failing) {
                    failing = false;
                    LOG.info("Notification history is written again");
                }
            } catch (IOException e) {
                writeFailures.incrementAndGet();
                if (!failing) {
                    failing = true;
                    LOG.error("Could not write the notification history in {}; attempts are not recorded until it works again", dir, e);
                }
            }
        }
    }

    /**
     * Looks entries up, newest first.
     *
     * @throws IllegalArgumentException if the page token is not one this history gave out
     * @throws UncheckedIOException if the files cannot be read
     */
    public HistoryPage query(HistoryQuery query) {
        requireNonNull(query, "query is null");
        long tokenSegment = Long.MAX_VALUE;
        long tokenOffset = Long.MAX_VALUE;
        if (query.pageToken().isPresent()) {
            Matcher m = TOKEN.matcher(query.pageToken().get());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a history page token: " + query.pageToken().get());
            }
            try {
                tokenSegment = Long.parseLong(requireNonNull(m.group(1), "segment"));
                tokenOffset = Long.parseLong(requireNonNull(m.group(2), "offset"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a history page token: " + query.pageToken().get(), e);
            }
        }
        List<HistorySegment.View> views = new ArrayList<>();
        synchronized (lock) {
            for (HistorySegment segment : segments) {
                views.add(segment.view());
            }
        }
        // one entry more than the page holds tells whether there is a next page
        List<Located> collected = new ArrayList<>();
        for (int i = views.size() - 1; i >= 0 && collected.size() <= query.limit(); i--) {
            HistorySegment.View view = views.get(i);
            if (view.number() > tokenSegment || !overlaps(view, query)) {
                continue;
            }
            long before = view.number() == tokenSegment ? tokenOffset : Long.MAX_VALUE;
            List<Located> found = read(view, query, before);
            for (int j = found.size() - 1; j >= 0 && collected.size() <= query.limit(); j--) {
                collected.add(found.get(j));
            }
        }
        List<HistoryEntry> page = new ArrayList<>(Math.min(collected.size(), query.limit()));
        for (int i = 0; i < collected.size() && i < query.limit(); i++) {
            page.add(collected.get(i).entry());
        }
        Optional<String> next = Optional.empty();
        if (collected.size() > query.limit()) {
            Located last = collected.get(query.limit() - 1);
            next = Optional.of(last.segment() + "." + last.offset());
        }
        return new HistoryPage(page, next);
    }

    private record Located(long segment, long offset, HistoryEntry entry) {}

    private List<Located> read(HistorySegment.View view, HistoryQuery query, long before) {
        List<Located> found = new ArrayList<>();
        try {
            RecordScanner.scan(view.path(), HistoryCodec.MAGIC, HistoryCodec.VERSION, view.bytes(), (offset, body) -> {
                if (offset >= before || !query.inRange(HistoryCodec.at(body))) {
                    return;
                }
                try {
                    HistoryEntry entry = HistoryCodec.decode(body);
                    if (query.matches(entry)) {
                        found.add(new Located(view.number(), offset, entry));
                    }
                } catch (MalformedRecordException e) {
                    LOG.debug("Skipped an unreadable history entry at offset {} of {}", offset, view.path(), e);
                }
            });
        } catch (NoSuchFileException removed) {
            return List.of(); // removed by retention since the query began
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the notification history in " + view.path(), e);
        }
        return found;
    }

    private static boolean overlaps(HistorySegment.View view, HistoryQuery query) {
        Instant min = view.minAt();
        Instant max = view.maxAt();
        if (view.entries() == 0 || min == null || max == null) {
            return false;
        }
        return (query.to().isEmpty() || min.isBefore(query.to().get())) && (query.from().isEmpty() || !max.isBefore(query.from().get()));
    }

    /** Removes segments past the age and size limits, and seals the active one once it is old enough. */
    public void enforceRetention() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            try {
                if (active.entries > 0 && !active.openedAt.plus(settings.segmentMaxAge()).isAfter(now)) {
                    roll(now);
                }
                enforceRetentionLocked(now);
            } catch (IOException e) {
                writeFailures.incrementAndGet();
                LOG.error("Could not apply the retention of the notification history in {}", dir, e);
            }
        }
    }

    private void enforceRetentionLocked(Instant now) throws IOException {
        Instant cutoff = now.minus(settings.maxAge());
        // the sealed segments leave room for a full active one, so the whole stays within maxBytes
        long sealedBytes = segments.stream().filter(s -> s != active).mapToLong(s -> s.bytes).sum();
        while (segments.size() > 1) {
            HistorySegment oldest = segments.get(0);
            Instant newest = oldest.maxAt;
            boolean tooOld = newest == null || newest.isBefore(cutoff);
            if (!tooOld && sealedBytes + settings.segmentBytes() <= settings.maxBytes()) {
                return;
            }
            Files.deleteIfExists(oldest.path);
            segments.remove(0);
            sealedBytes -= oldest.bytes;
        }
    }

    private void roll(Instant now) throws IOException {
        HistorySegment next = create(active.number + 1, now);
        HistorySegment sealed = active;
        RecordFile file = sealed.file;
        sealed.file = null;
        segments.add(next);
        active = next;
        if (file != null) {
            file.close();
        }
    }

    private HistorySegment create(long number, Instant now) throws IOException {
        HistorySegment segment = new HistorySegment(number, dir.resolve(HistorySegment.fileName(number)), now);
        segment.file = RecordFile.create(segment.path, HistoryCodec.MAGIC, HistoryCodec.VERSION);
        segment.bytes = RecordFile.HEADER_BYTES;
        return segment;
    }

    /** Writes that failed since the history was opened. */
    public long writeFailures() {
        return writeFailures.get();
    }

    /** The total length of the history's files. */
    public long sizeBytes() {
        synchronized (lock) {
            return segments.stream().mapToLong(s -> s.bytes).sum();
        }
    }

    /** Forces and closes the active file; later entries are ignored. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            @Nullable RecordFile file = active.file;
            active.file = null;
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.warn("Could not close the notification history file {}", file.path(), e);
                }
            }
        }
    }

    private static long number(Path path) {
        Matcher m = SEGMENT.matcher(path.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a history file: " + path);
        }
        return Long.parseLong(requireNonNull(m.group(1), "number"));
    }
}
