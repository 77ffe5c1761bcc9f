package dev.vigil.storage;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A segment file, read and written at explicit positions. A thread interrupted during a channel operation closes the
 * {@link FileChannel} for everyone; when that happens to a file the store did not close, the file is opened again and
 * the operation retried (the interrupt stays set for its thread), so one interrupted request does not break the store.
 * Thread-safe.
 */
public final class SegmentFile implements Closeable {

    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private SegmentFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens an existing file for reading and writing, or creates a new one when {@code create}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code create} and the file exists
     */
    public static SegmentFile open(Path path, boolean create) throws IOException {
        FileChannel channel = create
                ? FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new SegmentFile(path, channel);
    }

    /** Where the file is. */
    public Path path() {
        return path;
    }

    @FunctionalInterface
    private interface Op<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T io(Op<T> op) throws IOException {
        FileChannel ch = channel;
        try {
            return op.run(ch);
        } catch (ClosedChannelException e) {
            if (closed) {
                throw e;
            }
            boolean interrupted = Thread.interrupted();
            try {
                return op.run(reopen(ch));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private synchronized FileChannel reopen(FileChannel failed) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (channel == failed) {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }

    /**
     * Reads exactly {@code len} bytes at {@code position} into {@code dst[off, off + len)}.
     *
     * @throws EOFException if the file ends before
     */
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        io(ch -> {
            ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
            while (buf.hasRemaining()) {
                if (ch.read(buf, position + buf.position() - off) < 0) {
                    throw new EOFException(path + " ends before offset " + (position + len));
                }
            }
            return null;
        });
    }

    /** Writes all of {@code src[off, off + len)} at {@code position}. */
    public void write(long position, byte[] src, int off, int len) throws IOException {
        io(ch -> {
            ByteBuffer buf = ByteBuffer.wrap(src, off, len);
            while (buf.hasRemaining()) {
                ch.write(buf, position + buf.position() - off);
            }
            return null;
        });
    }

    /** Cuts the file to {@code size} bytes. */
    public void truncate(long size) throws IOException {
        io(ch -> ch.truncate(size));
    }

    /** Forces what was written, and the length, to disk. */
    public void force() throws IOException {
        io(ch -> {
            ch.force(false);
            return null;
        });
    }

    /** The file's length. */
    public long size() throws IOException {
        return io(FileChannel::size);
    }

    /** Closes the file for good; operations after this fail. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
