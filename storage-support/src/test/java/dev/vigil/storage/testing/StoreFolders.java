package dev.vigil.storage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** A segment store's folder in recovery tests: copies as a killed process leaves them, and the segment being written. */
public final class StoreFolders {

    private StoreFolders() {}

    /**
     * Copies the files of a store's folder into {@code to}, as a killed process would leave them: everything written,
     * without the lock held. The store may still be open on {@code from}.
     *
     * @return {@code to}
     */
    public static Path killedCopy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("lock") && Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** The segment being written in {@code folder}: the one with the highest number. */
    public static Path activeSegment(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".seg")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }
}
