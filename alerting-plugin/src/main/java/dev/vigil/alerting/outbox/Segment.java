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

    Segment(long number, Path path, Instant openedAt) {
        this.number = number;
        this.path = path;
        this.openedAt = openedAt;
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
