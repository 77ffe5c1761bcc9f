package dev.vigil.metrics.store.wal;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the framed records of one log file and cuts off a torn or corrupt tail. */
public final class RecordReader {

    private static final Logger LOG = LoggerFactory.getLogger(RecordReader.class);

    /** What to do with each intact record. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles one record.
         *
         * @param type the record type
         * @param payload the payload, from its position to its limit
         */
        void record(byte type, ByteBuffer payload);
    }

    /** More than any record the store writes; a larger declared size means the record is damaged. */
    private static final int MAX_PAYLOAD = 1 << 30;

    private RecordReader() {}

    /**
     * Hands each intact record of {@code file} to {@code handler}, in order. At the first record that is cut
     * short or fails its checksum, stops, truncates the file there and logs the file and offset.
     *
     * @return how many bytes of records were intact
     */
    public static long readAndRepair(Path file, Handler handler) throws IOException {
        long valid;
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            size = channel.size();
            valid = size == 0 ? 0 : read(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), handler);
            if (valid < size) {
                LOG.warn("Metric store: {} has a torn or corrupt record at offset {}; truncated it from {} to {} bytes "
                        + "(samples after that point were not acknowledged or are lost)", file, valid, size, valid);
                channel.truncate(valid);
                channel.force(true);
            }
        }
        return valid;
    }

    private static long read(MappedByteBuffer map, Handler handler) {
        CRC32C crc = new CRC32C();
        SnappyDecompressor decompressor = new SnappyDecompressor();
        int pos = 0;
        int limit = map.limit();
        while (pos + RecordBuffer.HEADER + 1 <= limit) {
            int length = map.getInt(pos);
            int expected = map.getInt(pos + 4);
            if (length < 1 || length > limit - pos - RecordBuffer.HEADER) {
                break;
            }
            int start = pos + RecordBuffer.HEADER;
            crc.reset();
            crc.update(map.slice(start, length));
            if ((int) crc.getValue() != expected) {
                break;
            }
            byte type = map.get(start);
            try {
                ByteBuffer payload = (type & RecordBuffer.COMPRESSED) == 0 ? map.slice(start + 1, length - 1)
                        : decompress(map, start + 1, length - 1, decompressor);
                handler.record((byte) (type & ~RecordBuffer.COMPRESSED), payload);
            } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException
                    | MalformedInputException e) {
                LOG.warn("Metric store: a record at offset {} could not be decoded: {}", pos, e.toString());
                break;
            }
            pos = start + length;
        }
        return pos;
    }

    private static ByteBuffer decompress(ByteBuffer map, int from, int length, SnappyDecompressor decompressor) {
        byte[] compressed = new byte[length];
        map.get(from, compressed);
        int size = SnappyDecompressor.getUncompressedLength(compressed, 0);
        if (size < 0 || size > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a compressed record declares " + size + " bytes");
        }
        byte[] raw = new byte[size];
        int written = decompressor.decompress(compressed, 0, length, raw, 0, size);
        if (written != size) {
            throw new IllegalArgumentException("a compressed record holds " + written + " bytes, not " + size);
        }
        return ByteBuffer.wrap(raw);
    }
}
