package dev.vigil.alerting.outbox.history;

import dev.vigil.alerting.outbox.storage.RecordFile;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One history file and the range of times in it. Guarded by the history's lock. */
final class HistorySegment {

    final long number;
    final Path path;
    /** When it was started, or for a segment found at start, its oldest entry; new segments start by age from it. */
    Instant openedAt;
    /** Open while this is the segment being appended to. */
    @Nullable RecordFile file;
    long bytes;
    int entries;
    @Nullable Instant minAt;
    @Nullable Instant maxAt;

    HistorySegment(long number, Path path, Instant openedAt) {
        this.number = number;
        this.path = path;
        this.openedAt = openedAt;
    }

    void add(Instant at, long committedBytes) {
        entries++;
        bytes = committedBytes;
        if (minAt == null || at.isBefore(minAt)) {
            minAt = at;
        }
        if (maxAt == null || at.isAfter(maxAt)) {
            maxAt = at;
        }
    }

    /** What a query needs, taken under the lock and read without it. */
    View view() {
        return new View(number, path, bytes, entries, minAt, maxAt);
    }

    static String fileName(long number) {
        return String.format("history-%020d.log", number);
    }

    record View(long number, Path path, long bytes, int entries, @Nullable Instant minAt, @Nullable Instant maxAt) {}
}
