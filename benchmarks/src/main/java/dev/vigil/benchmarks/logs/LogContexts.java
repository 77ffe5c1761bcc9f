package dev.vigil.benchmarks.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.vigil.api.config.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.MDC;

/**
 * What the two sides of the throughput benchmark share: a Logback context each, of their own, reading the MDC the
 * application writes to; the loggers of the mix; and the rolling of the JSON file, the same on both sides. Stateless.
 */
final class LogContexts {

    /** The JSON file rolls over at this size (and daily), as the logging plugin's file output does by default. */
    static final ByteSize MAX_FILE_SIZE = ByteSize.ofMebibytes(100);
    /** Days of rolled files kept, the plugin's default. */
    static final int MAX_HISTORY = 7;
    /** The most the rolled files may take, the plugin's default; it also keeps a long run from filling the disk. */
    static final ByteSize TOTAL_SIZE_CAP = ByteSize.ofMebibytes(1024);
    /**
     * Rolled files are not gzipped on either side (the plugin's default gzips them): on a machine of two cores the
     * compression would compete with the log store's thread, and it is the same work for both sides anyway.
     */
    static final boolean COMPRESS = false;

    private LogContexts() {}

    /**
     * A started context named {@code name} with no appenders, whose events read the MDC that
     * {@link org.slf4j.MDC} writes (the platform's adapter).
     */
    static LoggerContext start(String name) {
        LoggerContext context = new LoggerContext();
        context.setName(name);
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.start();
        return context;
    }

    /** The loggers of {@link LogMix#LOGGERS} in {@code context}, in that order. */
    static Logger[] loggers(LoggerContext context) {
        return LogMix.LOGGERS.stream().map(context::getLogger).toArray(Logger[]::new);
    }

    /** Deletes {@code folder} and everything in it; a folder already gone is fine. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The first line of {@code file} that contains {@code text}, for a look at what each side wrote; empty if there is
     * none.
     */
    static String firstLineWith(Path file, String text) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.contains(text)).findFirst().orElse("");
        }
    }

    /** The total size of the regular files under {@code folder}. */
    static long size(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            long bytes = 0;
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(path);
            }
            return bytes;
        }
    }
}
