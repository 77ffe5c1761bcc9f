package dev.vigil.alerting.outbox.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the records of a {@link RecordFile} back, checking each frame. Reading stops at the first frame that
 * is cut short, has an impossible length or fails its checksum; {@link Scan#validBytes()} says where the good
 * records end, so the owner can cut a torn tail off. Stateless and thread-safe.
 */
public final class RecordScanner {

    private RecordScanner() {}

    /** Receives each good record. */
    @FunctionalInterface
    public interface Visitor {

        /**
         * One record.
         *
         * @param offset where its frame starts in the file
         * @param body its body, positioned at the start; valid only during the call
         */
        void record(long offset, ByteBuffer body) throws IOException;
    }

    /** Why reading stopped. */
    public enum Stop {
        /** At the end of the file (or of the limit), after a whole frame. */
        END,
        /** At a frame that is cut short or fails its checksum: what a crash during a write leaves. */
        BAD_FRAME,
        /** The header is missing, cut short or of another kind or version. */
        BAD_HEADER
    }

    /**
     * What a scan found.
     *
     * @param validBytes the length of the header and the good frames
     * @param fileBytes the length read
     * @param stop why it stopped
     * @param records how many good records it read
     */
    public record Scan(long validBytes, long fileBytes, Stop stop, int records) {

        /** Checks the parts. */
        public Scan {
            requireNonNull(stop, "stop is null");
        }

        /** Whether anything after the good records was found. */
        public boolean hasBadTail() {
            return stop != Stop.END;
        }
    }

    /**
     * Reads {@code path} up to {@code limit} bytes (or its length, if shorter) and hands every good record to
     * {@code visitor}.
     */
    public static Scan scan(Path path, int magic, int version, long limit, Visitor visitor) throws IOException {
        ByteBuffer file;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long length = Math.min(limit, channel.size());
            if (length > Integer.MAX_VALUE - 16) {
                throw new IOException(path + " is too large to be a record file: " + length + " bytes");
            }
            file = ByteBuffer.allocate((int) length);
            while (file.hasRemaining()) {
                if (channel.read(file, file.position()) < 0) {
                    break;
                }
            }
            file.flip();
        }
        long length = file.limit();
        if (length < RecordFile.HEADER_BYTES || file.getInt(0) != magic || file.getInt(4) != version) {
            return new Scan(0, length, Stop.BAD_HEADER, 0);
        }
        byte[] bytes = file.array();
        int position = RecordFile.HEADER_BYTES;
        int records = 0;
        while (position < length) {
            if (length - position < RecordFile.FRAME_BYTES) {
                return new Scan(position, length, Stop.BAD_FRAME, records);
            }
            int bodyLength = file.getInt(position);
            int crc = file.getInt(position + 4);
            int bodyStart = position + RecordFile.FRAME_BYTES;
            if (bodyLength <= 0 || bodyLength > RecordFile.MAX_BODY_BYTES || bodyLength > length - bodyStart
                    || RecordFile.checksum(bytes, bodyStart, bodyLength) != crc) {
                return new Scan(position, length, Stop.BAD_FRAME, records);
            }
            visitor.record(position, ByteBuffer.wrap(bytes, bodyStart, bodyLength).slice());
            records++;
            position = bodyStart + bodyLength;
        }
        return new Scan(position, length, Stop.END, records);
    }
}
