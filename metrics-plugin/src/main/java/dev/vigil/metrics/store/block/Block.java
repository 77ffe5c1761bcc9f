package dev.vigil.metrics.store.block;

import dev.vigil.metrics.store.chunk.Chunk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A block read back from disk: its index held in arrays, its chunks read through a memory map. Immutable
 * and thread-safe. The map stays valid after the folder is deleted, so queries that still hold a block keep
 * working while retention removes it.
 */
public final class Block {

    static final String TMP_SUFFIX = ".tmp";

    private final Path dir;
    private final BlockMeta meta;
    private final int[] ids;
    private final int[] firstChunk;
    private final int[] chunkCount;
    private final long[] chunkMin;
    private final long[] chunkMax;
    private final long[] chunkOffset;
    private final int[] chunkLength;
    private final int[] chunkSamples;
    private final ByteBuffer data;
    private final long bytes;

    private Block(Path dir, BlockMeta meta, int[] ids, int[] firstChunk, int[] chunkCount, long[] chunkMin, long[] chunkMax,
            long[] chunkOffset, int[] chunkLength, int[] chunkSamples, ByteBuffer data, long bytes) {
        this.dir = dir;
        this.meta = meta;
        this.ids = ids;
        this.firstChunk = firstChunk;
        this.chunkCount = chunkCount;
        this.chunkMin = chunkMin;
        this.chunkMax = chunkMax;
        this.chunkOffset = chunkOffset;
        this.chunkLength = chunkLength;
        this.chunkSamples = chunkSamples;
        this.data = data;
        this.bytes = bytes;
    }

    /**
     * Opens the block in {@code dir}.
     *
     * @throws IOException if it cannot be read or its index is damaged
     */
    public static Block open(Path dir) throws IOException {
        byte[] index = Files.readAllBytes(dir.resolve(BlockWriter.INDEX));
        ByteBuffer in = ByteBuffer.wrap(index);
        if (index.length < 60 || in.getInt() != BlockWriter.MAGIC || in.getInt() != BlockWriter.VERSION) {
            throw new IOException("not a block index (or another version): " + dir.resolve(BlockWriter.INDEX));
        }
        CRC32C crc = new CRC32C();
        crc.update(index, 0, index.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(index, index.length - 4, 4).getInt()) {
            throw new IOException("block index fails its checksum: " + dir.resolve(BlockWriter.INDEX));
        }
        long rangeStart = in.getLong();
        long rangeEnd = in.getLong();
        long minTime = in.getLong();
        long maxTime = in.getLong();
        long samples = in.getLong();
        int seriesCount = in.getInt();
        int chunks = in.getInt();
        int[] ids = new int[seriesCount];
        int[] first = new int[seriesCount];
        int[] count = new int[seriesCount];
        for (int i = 0; i < seriesCount; i++) {
            ids[i] = in.getInt();
            first[i] = in.getInt();
            count[i] = in.getInt();
        }
        long[] min = new long[chunks];
        long[] max = new long[chunks];
        long[] offset = new long[chunks];
        int[] length = new int[chunks];
        int[] sampleCounts = new int[chunks];
        for (int i = 0; i < chunks; i++) {
            min[i] = in.getLong();
            max[i] = in.getLong();
            offset[i] = in.getLong();
            length[i] = in.getInt();
            sampleCounts[i] = in.getInt();
        }
        ByteBuffer data;
        long dataSize;
        try (FileChannel channel = FileChannel.open(dir.resolve(BlockWriter.CHUNKS), StandardOpenOption.READ)) {
            dataSize = channel.size();
            if (dataSize > Integer.MAX_VALUE) {
                throw new IOException("block chunks file is larger than 2 GiB: " + dir.resolve(BlockWriter.CHUNKS));
            }
            data = channel.map(FileChannel.MapMode.READ_ONLY, 0, dataSize);
        }
        BlockMeta meta = new BlockMeta(rangeStart, rangeEnd, minTime, maxTime, seriesCount, samples);
        return new Block(dir, meta, ids, first, count, min, max, offset, length, sampleCounts, data, dataSize + index.length);
    }

    /** The folder name of the block for a range. */
    static String folderName(long rangeStart, long rangeEnd) {
        return "block-" + rangeStart + "-" + rangeEnd;
    }

    /** Whether {@code dir} looks like a finished block (not a temporary folder). */
    public static boolean isBlockFolder(Path dir) {
        String name = dir.getFileName().toString();
        return name.startsWith("block-") && !name.endsWith(TMP_SUFFIX);
    }

    /** Whether {@code dir} is a block that was never finished. */
    public static boolean isUnfinished(Path dir) {
        return dir.getFileName().toString().endsWith(TMP_SUFFIX);
    }

    /** What the block covers. */
    public BlockMeta meta() {
        return meta;
    }

    /** The folder of the block. */
    public Path dir() {
        return dir;
    }

    /** The bytes its files take. */
    public long bytes() {
        return bytes;
    }

    /** Whether the block holds series {@code id}. */
    public boolean contains(int id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** Adds to {@code out} the chunks of series {@code id} that overlap {@code minTime..maxTime}. */
    public void chunks(int id, long minTime, long maxTime, List<Chunk> out) {
        int at = Arrays.binarySearch(ids, id);
        if (at < 0) {
            return;
        }
        for (int c = firstChunk[at]; c < firstChunk[at] + chunkCount[at]; c++) {
            if (chunkMax[c] >= minTime && chunkMin[c] <= maxTime) {
                out.add(new MappedChunk(c));
            }
        }
    }

    /** A chunk whose bytes are copied out of the map when a cursor reaches it. */
    private final class MappedChunk implements Chunk {
        private final int index;

        MappedChunk(int index) {
            this.index = index;
        }

        @Override
        public long minTime() {
            return chunkMin[index];
        }

        @Override
        public long maxTime() {
            return chunkMax[index];
        }

        @Override
        public int count() {
            return chunkSamples[index];
        }

        @Override
        public byte[] bytes() {
            byte[] out = new byte[chunkLength[index]];
            data.get((int) chunkOffset[index], out);
            return out;
        }
    }

    /** Deletes a folder and everything in it, if it is there. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Forces a folder's entries (a rename into it) to disk. */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder; the rename is still atomic there
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
