package dev.vigil.alerting.outbox.storage;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of framed records. Each frame is the body's length (4 bytes), the CRC-32C of the body
 * (4 bytes) and the body. A batch of records is written with one positional write at the end of what is
 * committed; a write that fails is cut off again so the next batch lands where it should. Not thread-safe: the
 * owner serialises appends.
 */
public final class RecordFile implements Closeable {

    /** The bytes before the first frame: a magic number naming the kind of file, and a format version. */
    public static final int HEADER_BYTES = 8;
    /** The bytes before each record's body. */
    public static final int FRAME_BYTES = 8;
    /** The largest body a frame may have; a larger length read back means the frame is garbage. */
    public static final int MAX_BODY_BYTES = 64 << 20;

    private final Path path;
    private final FileChannel channel;
    private volatile long committed;

    private RecordFile(Path path, FileChannel channel, long committed) {
        this.path = path;
        this.channel = channel;
        this.committed = committed;
    }

    /**
     * Creates {@code path} (which must not exist) with its header, forced to disk. The caller forces the
     * directory if the file's existence must survive a crash.
     */
    public static RecordFile create(Path path, int magic, int version) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(magic).putInt(version).flip();
            writeFully(channel, header, 0);
            channel.force(true);
            return new RecordFile(path, channel, HEADER_BYTES);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /**
     * Opens an existing file for appending after its first {@code validBytes}, cutting off anything beyond (a
     * torn tail found by {@link RecordScanner}).
     */
    public static RecordFile openForAppend(Path path, long validBytes) throws IOException {
        if (validBytes < HEADER_BYTES) {
            throw new IllegalArgumentException("validBytes is below the header: " + validBytes);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (channel.size() > validBytes) {
                channel.truncate(validBytes);
                channel.force(true);
            }
            return new RecordFile(path, channel, validBytes);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /** The frame around {@code body}: length, checksum, body. */
    public static ByteBuffer frame(byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES + body.length);
        frame.putInt(body.length).putInt(checksum(body, 0, body.length)).put(body);
        return frame.flip();
    }

    /** The CRC-32C of a byte range. */
    public static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Appends {@code bodies}, each in its own frame, in one write; with {@code force}, they are on disk when
     * this returns.
     *
     * @return the offset of the first frame
     */
    public long append(List<byte[]> bodies, boolean force) throws IOException {
        int total = 0;
        for (byte[] body : bodies) {
            if (body.length > MAX_BODY_BYTES) {
                throw new IOException("record of " + body.length + " bytes is larger than " + MAX_BODY_BYTES);
            }
            total += FRAME_BYTES + body.length;
        }
        ByteBuffer batch = ByteBuffer.allocate(total);
        for (byte[] body : bodies) {
            batch.put(frame(body));
        }
        batch.flip();
        long start = committed;
        try {
            writeFully(channel, batch, start);
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            try {
                channel.truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        committed = start + total;
        return start;
    }

    /** Forces what was appended to disk. */
    public void force() throws IOException {
        channel.force(false);
    }

    /** The bytes written completely: header and whole frames. Safe to read from any thread. */
    public long committed() {
        return committed;
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** Forces and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }

    /**
     * Forces a directory's entries to disk, so that a file created, renamed or deleted in it stays so after a
     * power loss. Not every platform can open a directory; there the call does nothing.
     */
    public static void forceDirectory(Path directory) throws IOException {
        requireNonNull(directory, "directory is null");
        if (!Files.isDirectory(directory)) {
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException unsupported) {
            return; // some platforms cannot open a directory at all; there is nothing more to force there
        }
        try (channel) {
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        try {
            channel.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
