package dev.vigil.metrics.store.block;

import dev.vigil.metrics.store.chunk.ChunkBytes;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a block: a {@code chunks} file with the encoded chunks one after another, and an {@code index} file
 * with the block's range and, for each series id, where its chunks are. Both are written into a temporary
 * folder, forced to disk, and the folder is renamed into place, so a block is either whole or absent.
 */
public final class BlockWriter {

    static final int MAGIC = 0x56545342;
    static final int VERSION = 1;
    static final String CHUNKS = "chunks";
    static final String INDEX = "index";

    private BlockWriter() {}

    /**
     * Writes the block for {@code rangeStart..rangeEnd} into {@code blocksDir}.
     *
     * @param chunks for each series id, its chunks in time order, all inside the range
     * @return the folder of the new block
     */
    public static Path write(Path blocksDir, long rangeStart, long rangeEnd, SortedMap<Integer, List<ChunkBytes>> chunks)
            throws IOException {
        String name = Block.folderName(rangeStart, rangeEnd);
        Path tmp = blocksDir.resolve(name + Block.TMP_SUFFIX);
        Path target = blocksDir.resolve(name);
        Block.deleteTree(tmp);
        Files.createDirectories(tmp);
        int chunkCount = 0;
        for (List<ChunkBytes> list : chunks.values()) {
            chunkCount += list.size();
        }
        long[] offsets = new long[chunkCount];
        try (FileChannel channel = FileChannel.open(tmp.resolve(CHUNKS), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            long offset = 0;
            int i = 0;
            for (List<ChunkBytes> list : chunks.values()) {
                for (ChunkBytes chunk : list) {
                    out.write(chunk.bytes());
                    offsets[i++] = offset;
                    offset += chunk.bytes().length;
                }
            }
            out.flush();
            channel.force(true);
        }
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        long samples = 0;
        for (List<ChunkBytes> list : chunks.values()) {
            for (ChunkBytes chunk : list) {
                minTime = Math.min(minTime, chunk.minTime());
                maxTime = Math.max(maxTime, chunk.maxTime());
                samples += chunk.count();
            }
        }
        try (FileChannel channel = FileChannel.open(tmp.resolve(INDEX), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(
                    new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), crc));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(rangeStart);
            out.writeLong(rangeEnd);
            out.writeLong(minTime);
            out.writeLong(maxTime);
            out.writeLong(samples);
            out.writeInt(chunks.size());
            out.writeInt(chunkCount);
            int first = 0;
            for (Map.Entry<Integer, List<ChunkBytes>> entry : chunks.entrySet()) {
                out.writeInt(entry.getKey());
                out.writeInt(first);
                out.writeInt(entry.getValue().size());
                first += entry.getValue().size();
            }
            int i = 0;
            for (List<ChunkBytes> list : chunks.values()) {
                for (ChunkBytes chunk : list) {
                    out.writeLong(chunk.minTime());
                    out.writeLong(chunk.maxTime());
                    out.writeLong(offsets[i++]);
                    out.writeInt(chunk.bytes().length);
                    out.writeInt(chunk.count());
                }
            }
            out.flush();
            new DataOutputStream(Channels.newOutputStream(channel)).writeInt((int) crc.getValue());
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        Block.forceDirectory(blocksDir);
        return target;
    }
}
