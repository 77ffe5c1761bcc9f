package dev.vigil.logging.store;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Records for tests, and what a store should answer, worked out the slow way. */
final class TestRecords {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String[] SERVICES = {"checkout", "payment", "cart"};
    static final String[] WORDS = {"order", "payment", "timeout", "connected", "retry", "user", "cache", "miss", "hit",
        "shipped", "failed", "refused", "größe", "日本語", "latency"};

    private TestRecords() {}

    /** A record at {@code T0 + seconds}. */
    static LogRecord at(double seconds, Severity severity, String service, String body) {
        return new LogRecord(nanos(seconds), severity, severity.name(), body, Map.of(LogRecord.SERVICE_NAME, service,
                "host.name", service + "-1"), "com.example." + service, Map.of(), "", "");
    }

    static long nanos(double seconds) {
        return LogFilter.nanos(T0) + (long) (seconds * 1e9);
    }

    static Instant time(double seconds) {
        return T0.plusNanos((long) (seconds * 1e9));
    }

    /** Random records over {@code seconds} seconds, out of time order, with every field varied. */
    static List<LogRecord> random(Random random, int count, double seconds) {
        List<LogRecord> out = new ArrayList<>(count);
        String[] traces = new String[20];
        for (int i = 0; i < traces.length; i++) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            traces[i] = HexFormat.of().formatHex(b);
        }
        for (int i = 0; i < count; i++) {
            String service = SERVICES[random.nextInt(SERVICES.length)];
            Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
            StringBuilder body = new StringBuilder();
            int words = 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "=" + random.nextInt(100) : "")
                        .append(' ');
            }
            Map<String, String> attributes = new HashMap<>();
            if (random.nextBoolean()) {
                attributes.put("user.id", "u" + random.nextInt(10));
            }
            if (random.nextInt(3) == 0) {
                attributes.put("http.method", random.nextBoolean() ? "GET" : "POST");
            }
            String trace = random.nextInt(3) == 0 ? "" : traces[random.nextInt(traces.length)];
            String span = trace.isEmpty() ? "" : String.format("%016x", random.nextLong());
            // mostly in order, a fifth of them late by up to a tenth of the range; some share a time
            double t = seconds * i / count;
            if (random.nextInt(5) == 0) {
                t -= random.nextDouble() * seconds / 10;
            }
            if (random.nextInt(10) == 0 && i > 0) {
                t = (out.get(i - 1).timeNanos() - LogFilter.nanos(T0)) / 1e9;
            }
            out.add(new LogRecord(nanos(Math.max(0, t)), severity, severity.name(), body.toString().strip(),
                    Map.of(LogRecord.SERVICE_NAME, service, "host.name", service + "-" + random.nextInt(2)),
                    "com.example." + (random.nextBoolean() ? "Api" : "Db"), attributes, trace, span));
        }
        return out;
    }

    /** The records {@code search} takes from {@code stored} (in storage order), in the search's order. */
    static List<LogRecord> expected(List<LogRecord> stored, LogSearch search) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            if (search.filter().test(stored.get(i))) {
                matching.add(i);
            }
        }
        Comparator<Integer> order = Comparator.<Integer>comparingLong(i -> stored.get(i).timeNanos()).thenComparing(i -> i);
        matching.sort(search.direction() == LogSearch.Direction.FORWARD ? order : order.reversed());
        List<LogRecord> out = new ArrayList<>();
        for (int i : matching) {
            out.add(stored.get(i));
        }
        return out;
    }
}
