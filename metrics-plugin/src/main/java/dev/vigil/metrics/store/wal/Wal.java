package dev.vigil.metrics.store.wal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead log of samples: numbered segment files in one folder, plus at most one checkpoint that
 * holds what older segments still had to say when they were dropped. The checkpoint named after segment
 * {@code n} replaces every segment before {@code n}. Not thread-safe: the store serialises writes.
 */
public final class Wal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Wal.class);
    private static final String CHECKPOINT = "checkpoint.";
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    private final Path dir;
    private final boolean fsync;
    private volatile LogFile current;
    private int currentIndex;
    private final AtomicLong closedBytes;

    private Wal(Path dir, boolean fsync, int index, long closedBytes) throws IOException {
        this.dir = dir;
        this.fsync = fsync;
        this.currentIndex = index;
        this.closedBytes = new AtomicLong(closedBytes);
        this.current = LogFile.open(segment(index), fsync);
    }

    /**
     * Replays the log in {@code dir} into {@code sink}, repairing torn tails, then opens a new segment for
     * writing after the existing ones.
     */
    public static Wal openAndReplay(Path dir, boolean fsync, Records.SampleSink sink) throws IOException {
        Files.createDirectories(dir);
        TreeMap<Integer, Path> segments = new TreeMap<>();
        int checkpoint = -1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(CHECKPOINT) && !name.endsWith(".tmp")) {
                    checkpoint = Math.max(checkpoint, Integer.parseInt(name.substring(CHECKPOINT.length())));
                } else if (name.matches("\\d{8}")) {
                    segments.put(Integer.parseInt(name), file);
                } else if (name.endsWith(".tmp")) {
                    Files.delete(file);
                }
            }
        }
        long bytes = 0;
        if (checkpoint >= 0) {
            Path file = dir.resolve(CHECKPOINT + checkpoint);
            bytes += replay(file, sink);
            segments.headMap(checkpoint).values().forEach(Wal::deleteQuietly);
        }
        for (Path file : segments.tailMap(Math.max(checkpoint, 0)).values()) {
            bytes += replay(file, sink);
        }
        int next = segments.isEmpty() ? Math.max(checkpoint, 1) : Math.max(segments.lastKey() + 1, checkpoint);
        return new Wal(dir, fsync, next, bytes);
    }

    private static long replay(Path file, Records.SampleSink sink) throws IOException {
        return RecordReader.readAndRepair(file, (type, payload) -> {
            if (type == Records.SAMPLES) {
                Records.readSamples(payload, sink);
            }
        });
    }

    /** Appends records; with fsync, forces them to disk before returning. */
    public void write(ByteBuffer records) throws IOException {
        current.write(records);
        if (current.size() >= SEGMENT_BYTES) {
            rotate();
        }
    }

    /**
     * Closes the current segment and starts the next one.
     *
     * @return the number of the new segment: every record written so far is in a segment before it
     */
    public int rotate() throws IOException {
        long size = current.size();
        current.close();
        closedBytes.addAndGet(size);
        currentIndex++;
        current = LogFile.open(segment(currentIndex), fsync);
        return currentIndex;
    }

    /** The bytes the log takes on disk. */
    public long size() {
        return closedBytes.get() + current.size();
    }

    /**
     * Replaces every segment before {@code upTo} with a checkpoint that keeps only what {@code keep} lets
     * through, so that a replay does not see again what has moved into blocks. Safe to call while records
     * are written to later segments, but not concurrently with {@link #rotate}.
     */
    public void checkpoint(int upTo, CheckpointFilter keep) throws IOException {
        List<Path> inputs = new ArrayList<>();
        Path previous = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(CHECKPOINT) && !name.endsWith(".tmp")) {
                    previous = file;
                } else if (name.matches("\\d{8}") && Integer.parseInt(name) < upTo) {
                    inputs.add(file);
                }
            }
        }
        inputs.sort(null);
        if (previous != null) {
            inputs.add(0, previous);
        }
        Path tmp = dir.resolve(CHECKPOINT + upTo + ".tmp");
        Path target = dir.resolve(CHECKPOINT + upTo);
        long before = 0;
        long written;
        try (LogFile out = LogFile.open(tmp, false)) {
            CheckpointWriter writer = new CheckpointWriter(out, keep);
            for (Path input : inputs) {
                before += Files.size(input);
                RecordReader.readAndRepair(input, writer::record);
            }
            writer.flush();
            out.force();
            written = out.size();
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        inputs.forEach(Wal::deleteQuietly);
        closedBytes.addAndGet(written - before);
        LOG.debug("Metric store: checkpointed the log before segment {}: {} bytes became {}", upTo, before, written);
    }

    /** Decides which samples a checkpoint keeps. */
    @FunctionalInterface
    public interface CheckpointFilter {
        /** Whether to keep this sample. */
        boolean keep(int seriesId, long timestamp);
    }

    private static final class CheckpointWriter {
        private final LogFile out;
        private final CheckpointFilter keep;
        private final RecordBuffer buffer = new RecordBuffer();
        private int[] ids = new int[1024];
        private long[] times = new long[1024];
        private long[] values = new long[1024];
        private int n;

        CheckpointWriter(LogFile out, CheckpointFilter keep) {
            this.out = out;
            this.keep = keep;
        }

        void record(byte type, ByteBuffer payload) {
            if (type != Records.SAMPLES) {
                return;
            }
            Records.readSamples(payload, (id, t, v) -> {
                if (keep.keep(id, t)) {
                    ids[n] = id;
                    times[n] = t;
                    values[n] = v;
                    if (++n == ids.length) {
                        flushUnchecked();
                    }
                }
            });
        }

        private void flushUnchecked() {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() throws IOException {
            if (n > 0) {
                Records.writeSamples(buffer.clear(), ids, times, values, n);
                out.write(buffer.view());
                n = 0;
            }
        }
    }

    private Path segment(int index) {
        return dir.resolve(String.format("%08d", index));
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Metric store: could not delete {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
