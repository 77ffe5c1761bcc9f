package dev.vigil.metrics.store;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.store.head.MemSeries;
import dev.vigil.metrics.store.wal.LogFile;
import dev.vigil.metrics.store.wal.RecordBuffer;
import dev.vigil.metrics.store.wal.Records;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;

/** Replaces the series log with one that holds only the given series, so that a crash leaves the old or the new. */
final class SeriesLogRewrite {

    // bounds the size of one record, so that reading the log back never needs a large buffer
    private static final int SERIES_PER_RECORD = 1024;

    private SeriesLogRewrite() {}

    /**
     * Writes {@code series} (sorted by id) to a temporary file next to {@code file}, forces it, and renames it
     * over {@code file}. The caller must keep every other writer of the log away meanwhile.
     *
     * @return the bytes written
     */
    static long rewrite(Path file, List<MemSeries> series) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<MemSeries> sorted = series.stream().sorted(Comparator.comparingInt(MemSeries::id)).toList();
        int[] ids = new int[SERIES_PER_RECORD];
        Labels[] labels = new Labels[SERIES_PER_RECORD];
        RecordBuffer record = new RecordBuffer();
        long size;
        // a file left by a rewrite that crashed would otherwise be appended to
        Files.deleteIfExists(tmp);
        try {
            try (LogFile out = LogFile.open(tmp, false)) {
                int n = 0;
                for (MemSeries s : sorted) {
                    ids[n] = s.id();
                    labels[n] = s.labels();
                    if (++n == SERIES_PER_RECORD) {
                        Records.writeSeries(record.clear(), ids, labels, n);
                        out.write(record.view());
                        n = 0;
                    }
                }
                if (n > 0) {
                    Records.writeSeries(record.clear(), ids, labels, n);
                    out.write(record.view());
                }
                out.force();
                size = out.size();
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceDirectory(file.toAbsolutePath().getParent());
        return size;
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder; the rename is atomic there all the same
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
