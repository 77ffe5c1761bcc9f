package dev.vigil.metrics.store;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures ingest on one thread: {@code series} series × {@code samples} samples, in batches of 1000, with
 * series references as a receiver keeps them; then cuts blocks and prints bytes per sample in them.
 * Arguments: series (default 100000), samples per series (default 120), fsync (default false).
 */
public final class StoreIngestMeasurement {

    private StoreIngestMeasurement() {}

    /** Runs the measurement in a temporary folder. */
    public static void main(String[] args) throws Exception {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        boolean fsync = args.length > 2 && Boolean.parseBoolean(args[2]);
        Path dir = Files.createTempDirectory("vigil-store-measure");
        long step = 15_000;
        long start = 1_700_000_000_000L - 1_700_000_000_000L % Duration.ofHours(2).toMillis();
        MutableClock clock = new MutableClock(start);
        StoreSettings settings = new StoreSettings(Duration.ofDays(3650), StoreSettings.defaults().retentionSize(), 1_000_000,
                Duration.ofHours(2), fsync);
        Labels[] labels = new Labels[seriesCount];
        for (int i = 0; i < seriesCount; i++) {
            labels[i] = Labels.of("__name__", "http_requests_total", "instance", "host-" + (i / 100), "path", "/p" + (i % 100),
                    "job", "api");
        }
        long[] refs = new long[seriesCount];
        double[] values = new double[seriesCount];
        java.util.Random random = new java.util.Random(1);
        try (Tsdb db = Tsdb.open(dir, settings, new SimpleMeterRegistry(), clock)) {
            long createdAt = System.nanoTime();
            appendRound(db, labels, refs, values, random, start);
            double createSeconds = (System.nanoTime() - createdAt) / 1e9;
            long began = System.nanoTime();
            for (int round = 1; round < samples; round++) {
                appendRound(db, labels, refs, values, random, start + round * step);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long appended = (long) seriesCount * (samples - 1);
            System.out.printf("first round (creates %d series): %.0f samples/s%n", seriesCount, seriesCount / createSeconds);
            System.out.printf("existing series: %d samples in %.2f s = %.0f samples/s%n", appended, seconds, appended / seconds);
            clock.set(start + samples * step + Duration.ofHours(4).toMillis());
            long maintainStart = System.nanoTime();
            db.maintain();
            long blockBytes = 0;
            long blockSamples = 0;
            for (var block : Files.newDirectoryStream(dir.resolve("blocks"))) {
                try (var files = Files.list(block)) {
                    for (Path f : files.toList()) {
                        blockBytes += Files.size(f);
                    }
                }
            }
            blockSamples = db.stats().samples();
            System.out.printf("maintain: %.2f s; %d blocks; %d bytes in blocks for %d samples = %.3f bytes/sample; "
                    + "store on disk %d bytes%n", (System.nanoTime() - maintainStart) / 1e9, db.blockCount(), blockBytes,
                    blockSamples, (double) blockBytes / blockSamples, db.bytesOnDisk());
        }
    }

    private static void appendRound(Tsdb db, Labels[] labels, long[] refs, double[] values, java.util.Random random, long t)
            throws Exception {
        for (int from = 0; from < labels.length; from += 1000) {
            try (MetricAppender appender = db.appender()) {
                for (int i = from; i < Math.min(from + 1000, labels.length); i++) {
                    values[i] += random.nextInt(10);
                    refs[i] = appender.append(refs[i], labels[i], t, values[i]);
                }
                appender.commit();
            }
        }
    }
}
