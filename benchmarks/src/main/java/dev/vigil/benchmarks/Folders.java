package dev.vigil.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Sizes and removal of the drivers' working folders. */
public final class Folders {

    private Folders() {}

    /** The total size of the regular files under {@code folder}, in bytes; 0 if it does not exist. */
    public static long size(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(Folders::sizeOrZero).sum();
        }
    }

    /** Each entry of {@code folder} with its size, such as {@code wal/ 12.0 MiB, lock 0 B}, largest first. */
    public static String breakdown(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return "(missing)";
        }
        List<String> parts = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted(Comparator.comparingLong(Folders::sizeUnchecked).reversed()).toList()) {
                parts.add(entry.getFileName() + (Files.isDirectory(entry) ? "/ " : " ") + human(size(entry)));
            }
        }
        return parts.isEmpty() ? "(empty)" : String.join(", ", parts);
    }

    /** Deletes {@code folder} and everything in it; a folder already gone is fine. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@code bytes} in B, KiB or MiB, such as {@code 12.0 MiB}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static long sizeUnchecked(Path path) {
        try {
            return Files.isDirectory(path) ? size(path) : sizeOrZero(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the server removed while we walked (a WAL segment being truncated) counts as empty. */
    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
