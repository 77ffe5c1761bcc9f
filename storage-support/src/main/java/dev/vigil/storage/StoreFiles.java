package dev.vigil.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of a store's folder, {@code 0000000001.seg}, {@code 0000000002.seg}, … in the order they were
 * written (other files there are the store's own: {@code lock}, and whatever the store keeps besides). Opens them all
 * at start, and creates and seals as the store goes. Not thread-safe: used at open, then under the append lock.
 */
final class StoreFiles<F extends DataFrame, B extends Block, O extends BlockBuilder<F, B>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);

    private final Path dir;
    private final StoreCodec<F, B, O> codec;
    private final SegmentFormat format;
    private final boolean fsync;

    StoreFiles(Path dir, StoreCodec<F, B, O> codec, boolean fsync) {
        this.dir = dir;
        this.codec = codec;
        this.format = codec.format();
        this.fsync = fsync;
    }

    /** What a store starts from. */
    record Opened<B extends Block, O>(List<Segment<B>> closed, Segment<B> active, O open) {}

    /**
     * Recovers every segment; seals the open block of all but the last, which stays the one written to. Creates
     * segment 1 in an empty folder.
     */
    Opened<B, O> open(long nowMillis) throws IOException {
        SegmentLoader<F, B, O> loader = new SegmentLoader<>(codec);
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                long number = Segment.numberOf(file);
                if (number >= 0) {
                    files.put(number, file);
                }
            }
        }
        List<SegmentLoader.Loaded<B, O>> loaded = new ArrayList<>();
        try {
            for (Map.Entry<Long, Path> e : files.entrySet()) {
                Path file = e.getValue();
                if (Files.size(file) < SegmentFormat.HEADER_BYTES) {
                    // the process stopped while it created the segment, before its header was written
                    LOG.warn("{}: removing {}, a segment whose header was not written", format.title(), file);
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
            List<Segment<B>> closed = new ArrayList<>();
            for (int k = 0; k < loaded.size() - 1; k++) {
                SegmentLoader.Loaded<B, O> l = loaded.get(k);
                if (!l.open().isEmpty()) {
                    seal(l.segment(), l.open());
                }
                closed.add(l.segment());
            }
            if (loaded.isEmpty()) {
                return new Opened<>(List.of(), create(1, 0, nowMillis), codec.newBlock());
            }
            SegmentLoader.Loaded<B, O> last = loaded.get(loaded.size() - 1);
            return new Opened<>(List.copyOf(closed), last.segment(), last.open());
        } catch (IOException | RuntimeException e) {
            for (SegmentLoader.Loaded<B, O> l : loaded) {
                l.segment().closeFile();
            }
            throw e;
        }
    }

    /** Creates segment {@code number}, empty but for its header. */
    Segment<B> create(long number, long sequence, long createdMillis) throws IOException {
        Path path = dir.resolve(Segment.fileName(number));
        SegmentFile file = SegmentFile.open(path, true);
        try {
            byte[] header = format.header(sequence, createdMillis);
            file.write(0, header, 0, header.length);
            if (fsync) {
                file.force();
                forceDirectory();
            }
        } catch (IOException e) {
            file.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return new Segment<>(format, number, file, sequence, createdMillis, SegmentFormat.HEADER_BYTES);
    }

    /** Appends the block frame of {@code block}, which is not empty, to {@code segment}. */
    void seal(Segment<B> segment, O block) throws IOException {
        byte[] frame = codec.blockFrame(block);
        long pos = segment.size();
        try {
            segment.file().write(pos, frame, 0, frame.length);
            if (fsync) {
                segment.file().force();
            }
        } catch (IOException e) {
            try {
                segment.file().truncate(pos);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        segment.addBlock(codec.block(segment, pos, frame, frame.length));
        segment.size(pos + frame.length);
    }

    private void forceDirectory() {
        // makes a new file's name durable; not every platform can open a folder, and then there is nothing to do
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("{}: could not force {}: {}", format.title(), dir, e.toString());
        }
    }
}
