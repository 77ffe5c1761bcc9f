package dev.vigil.metrics.scrape;

import java.time.Duration;

/** Writes durations as Prometheus does in its APIs and configuration: {@code 15s}, {@code 1m30s}, {@code 100ms}. */
final class PrometheusDuration {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long YEAR = 365 * DAY;

    private PrometheusDuration() {}

    static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        // Years and weeks only when they divide evenly: 90d reads better than 12w6d.
        for (long unit : new long[] {YEAR, WEEK}) {
            if (ms % unit == 0) {
                out.append(ms / unit).append(unit == YEAR ? "y" : "w");
                return out.toString();
            }
        }
        long[] units = {DAY, HOUR, MINUTE, SECOND, 1};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            long v = ms / units[i];
            if (v > 0) {
                out.append(v).append(names[i]);
                ms -= v * units[i];
            }
        }
        return out.toString();
    }
}
