package dev.vigil.alerting.outbox;

import dev.vigil.alerting.outbox.storage.RecordFile;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One file of the outbox log and what is known about it in memory. Guarded by the outbox's lock.
 */
final class Segment {

    final long number;
    final Path path;
    /** Open while this is the segment being appended to; closed when it is sealed. */
    @Nullable RecordFile file;
    /** When it became the active segment (or, for a segment found at start, when it was found). */
    final Instant openedAt;
    /** When it stopped being the active segment. */
    @Nullable Instant sealedAt;
    /** Records in it, of every kind. */
    int records;
    /** Deliveries whose newest copy is in it and that are not settled. */
    int pending;
    /** Its length in bytes once sealed. */
    long bytes;
    /**
     * When the last delivery whose newest {@code Enqueued} record is in it ended, or null if none has: the segment
     * is kept for the dedup window after that, since its records are how a restart knows those notification ids.
     */
    @Nullable Instant lastEndedAt;

    Segment(long number, Path path, Instant openedAt) {
        this.number = number;
        this.path = path;
        this.openedAt = openedAt;
    }

    /** Notes that a delivery whose newest copy is in this segment ended at {@code at}. */
    void deliveryEnded(Instant at) {
        if (lastEndedAt == null || at.isAfter(lastEndedAt)) {
            lastEndedAt = at;
        }
    }

    /** Whether every delivery that ended here ended at or before {@code cutoff}. */
    boolean endedBefore(Instant cutoff) {
        return lastEndedAt == null || !lastEndedAt.isAfter(cutoff);
    }

    long size() {
        RecordFile open = file;
        return open != null ? open.committed() : bytes;
    }

    static String fileName(long number) {
        return String.format("segment-%020d.log", number);
    }

    @Override
    public String toString() {
        return path.getFileName() + "(records=" + records + ", pending=" + pending + ")";
    }
}
