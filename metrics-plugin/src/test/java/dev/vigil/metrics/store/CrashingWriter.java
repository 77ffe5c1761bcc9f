package dev.vigil.metrics.store;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The child process of {@link CrashTest}: commits batches forever and prints how many were acknowledged
 * after each, until it is killed. Batch {@code b} holds sample {@code b} of each of ten series, at {@code start + b} with the
 * value {@code b * 1.5 + series}.
 */
public final class CrashingWriter {

    static final int SERIES = 10;

    private CrashingWriter() {}

    static Labels series(int i) {
        return Labels.of("__name__", "crash_test", "series", Integer.toString(i));
    }

    static double value(long batch, int series) {
        return batch * 1.5 + series;
    }

    /** Runs the writer: the arguments are the store's folder and the first timestamp. */
    public static void main(String[] args) throws Exception {
        Tsdb db = Tsdb.open(Path.of(args[0]), StoreSettings.defaults(), new SimpleMeterRegistry(), Clock.systemUTC());
        long start = Long.parseLong(args[1]);
        long[] refs = new long[SERIES];
        for (long batch = 0; ; batch++) {
            try (MetricAppender appender = db.appender()) {
                for (int s = 0; s < SERIES; s++) {
                    refs[s] = appender.append(refs[s], series(s), start + batch, value(batch, s));
                }
                appender.commit();
            }
            System.out.println(batch + 1);
            System.out.flush();
        }
    }
}
