package dev.vigil.alerting.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands rule file patterns as Prometheus's {@code rule_files} does: a pattern is a path, relative to a base
 * folder, whose last parts may hold the wildcards {@code *}, {@code ?} and {@code [...]}; a pattern without
 * wildcards names its file whether it exists or not (so that a missing file is reported). Stateless.
 */
public final class RulePaths {

    private RulePaths() {}

    /**
     * The files the patterns name, sorted and without repeats.
     *
     * @throws UncheckedIOException if a folder cannot be listed
     */
    public static List<Path> expand(Path baseDir, List<String> patterns) {
        TreeSet<Path> out = new TreeSet<>();
        for (String pattern : patterns) {
            Path full = baseDir.resolve(pattern).normalize();
            if (!hasWildcard(pattern)) {
                out.add(full);
                continue;
            }
            Path root = full.getRoot() == null ? Path.of("") : full.getRoot();
            int fixed = 0;
            while (fixed < full.getNameCount() - 1 && !hasWildcard(full.getName(fixed).toString())) {
                fixed++;
            }
            Path start = fixed == 0 ? root : root.resolve(full.subpath(0, fixed));
            int depth = full.getNameCount() - fixed;
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + full.toString().replace("\\", "\\\\"));
            if (!Files.isDirectory(start)) {
                continue;
            }
            try (Stream<Path> found = Files.walk(start, depth)) {
                found.filter(p -> p.getNameCount() == full.getNameCount() && matcher.matches(p) && Files.isRegularFile(p))
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + start, e);
            }
        }
        return List.copyOf(out);
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }
}
