package dev.vigil.tracing.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a store's folder: {@code lock}, and the segments {@code 0000000001.seg}, {@code 0000000002.seg}, … in
 * the order they were written. Opens them all at start, and creates and seals as the store goes.
 */
final class StoreFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);

    private final Path dir;
    private final boolean fsync;
    private final Clock clock;

    StoreFiles(Path dir, boolean fsync, Clock clock) {
        this.dir = dir;
        this.fsync = fsync;
        this.clock = clock;
    }

    /** What a store starts from. */
    record Opened(Dictionary dictionary, List<Segment> closed, Segment active, OpenBlock open) {}

    /** Recovers every segment; seals the open block of all but the last, which stays the one written to. */
    Opened open() throws IOException {
        Dictionary dictionary = new Dictionary();
        SegmentLoader loader = new SegmentLoader(dictionary);
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                long number = Segment.numberOf(file);
                if (number >= 0) {
                    files.put(number, file);
                }
            }
        }
        List<SegmentLoader.Loaded> loaded = new ArrayList<>();
        try {
            for (Map.Entry<Long, Path> e : files.entrySet()) {
                Path file = e.getValue();
                if (Files.size(file) < Format.SEGMENT_HEADER) {
                    // the process stopped while it created the segment, before its header was written
                    LOG.warn("Trace store: removing {}, a segment whose header was not written", file);
                    Files.delete(file);
                    continue;
                }
                SegmentFile opened = SegmentFile.open(file, false);
                try {
                    loaded.add(loader.load(e.getKey(), opened));
                } catch (IOException | RuntimeException ex) {
                    opened.close();
                    throw ex;
                }
            }
            List<Segment> closed = new ArrayList<>();
            for (int k = 0; k < loaded.size() - 1; k++) {
                SegmentLoader.Loaded l = loaded.get(k);
                if (!l.open().isEmpty()) {
                    seal(l.segment(), l.open(), fsync);
                }
                closed.add(l.segment());
            }
            if (loaded.isEmpty()) {
                return new Opened(dictionary, List.of(), create(dir, 1, clock.millis(), fsync), new OpenBlock());
            }
            SegmentLoader.Loaded last = loaded.get(loaded.size() - 1);
            return new Opened(dictionary, List.copyOf(closed), last.segment(), last.open());
        } catch (IOException | RuntimeException e) {
            for (SegmentLoader.Loaded l : loaded) {
                l.segment().closeFile();
            }
            throw e;
        }
    }

    /** Creates segment {@code number}, empty but for its header. */
    static Segment create(Path dir, long number, long createdMillis, boolean fsync) throws IOException {
        Path path = dir.resolve(Segment.fileName(number));
        SegmentFile file = SegmentFile.open(path, true);
        try {
            byte[] header = Format.segmentHeader(createdMillis);
            file.write(0, header, 0, header.length);
            if (fsync) {
                file.force();
                forceDirectory(dir);
            }
        } catch (IOException e) {
            file.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return new Segment(number, file, createdMillis, Format.SEGMENT_HEADER);
    }

    /** Appends the block frame of {@code block} to {@code segment}. */
    static void seal(Segment segment, OpenBlock block, boolean fsync) throws IOException {
        byte[] frame = SealedBlock.frame(block);
        long pos = segment.size;
        try {
            segment.file.write(pos, frame, 0, frame.length);
            if (fsync) {
                segment.file.force();
            }
        } catch (IOException e) {
            try {
                segment.file.truncate(pos);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        segment.addSealed(SealedBlock.parse(segment, pos, frame, frame.length));
        segment.size = pos + frame.length;
    }

    private static void forceDirectory(Path dir) {
        // makes a new file's name durable; not every platform can open a folder, and then there is nothing to do
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Trace store: could not force {}: {}", dir, e.toString());
        }
    }
}
