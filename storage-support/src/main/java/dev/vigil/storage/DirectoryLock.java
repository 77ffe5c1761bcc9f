package dev.vigil.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on the file {@code lock} in a store's folder, so that two stores (in this process or another) never
 * write the same files. The operating system releases it when the process dies, so a killed process leaves nothing to
 * clean up. Closing releases it; not meant to be shared between threads.
 */
public final class DirectoryLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code dir}, which must exist, or fails at once if another store holds it.
     *
     * @param store what the store is called in the error, such as {@code "log store"}
     * @throws IOException if another store holds the lock (the message names the folder), or the lock file cannot be
     *     written
     */
    public static DirectoryLock acquire(Path dir, String store) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        @Nullable FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // this process holds it already, through another store
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the " + store + " folder " + dir + " is already in use by another " + store
                    + " (in this process or another); each store needs a folder of its own");
        }
        return new DirectoryLock(channel, lock);
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
