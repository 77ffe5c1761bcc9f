package dev.vigil.kernel.loader;

import static java.util.Objects.requireNonNull;

import dev.vigil.kernel.io.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies plugin JARs into a folder of their own, one sub-folder per generation, before any of them is
 * opened. Class loaders read the copy, so the file in the plugins folder can be replaced or deleted at any
 * time, and a rollback still has the old bytes. The cache is emptied when the kernel starts.
 */
public final class JarCache {

    private final Path root;
    private final AtomicLong generations = new AtomicLong();

    /** A cache in {@code root}, which it owns: {@link #reset()} deletes whatever is there. */
    public JarCache(Path root) {
        this.root = requireNonNull(root, "root is null");
    }

    /** Deletes whatever an earlier process left and creates the cache folder. */
    public void reset() throws IOException {
        Folders.deleteTree(root);
        Files.createDirectories(root);
    }

    /** A copy of {@code jar} in a new generation folder. */
    public CachedJar copy(Path jar) throws IOException {
        long generation = generations.incrementAndGet();
        Path folder = Files.createDirectories(root.resolve(Long.toString(generation)));
        Path target = folder.resolve(jar.getFileName().toString());
        Path partial = folder.resolve(jar.getFileName() + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new CachedJar(generation, target);
    }

    /** Deletes one generation's folder; a missing folder is fine. */
    public void delete(CachedJar jar) {
        try {
            Folders.deleteTree(jar.path().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete cached plugin JAR " + jar.path(), e);
        }
    }

    /**
     * One cached copy.
     *
     * @param generation a number unique within this process
     * @param path the copy
     */
    public record CachedJar(long generation, Path path) {
        /** Checks the arguments. */
        public CachedJar {
            requireNonNull(path, "path is null");
        }
    }
}
