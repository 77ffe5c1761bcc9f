package dev.vigil.metrics.store.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that records are appended to. A write that fails part way is cut off again, so that the records
 * after it stay readable. Not thread-safe.
 */
public final class LogFile implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private final boolean fsync;
    private volatile long size;

    private LogFile(Path path, FileChannel channel, boolean fsync) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fsync = fsync;
        this.size = channel.size();
        channel.position(size);
    }

    /** Opens {@code path} for appending, creating it if needed. */
    public static LogFile open(Path path, boolean fsync) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new LogFile(path, channel, fsync);
    }

    /** Writes all of {@code bytes}; with fsync, also forces them to disk before returning. */
    public void write(ByteBuffer bytes) throws IOException {
        long before = size;
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (fsync) {
                channel.force(false);
            }
            size = channel.position();
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Forces what was written to disk. */
    public void force() throws IOException {
        channel.force(false);
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The bytes in the file. */
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
