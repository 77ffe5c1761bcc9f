package dev.vigil.logging.logql;

import dev.vigil.api.Registration;
import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link LogQuery} over a list of records in memory: searches filter with {@link LogFilter#test}, order by time
 * (records of the same time in the order they were added, reversed when newest first), and page with a cursor that
 * is the offset into the search's results. It remembers every search, so tests can check what was pushed down.
 * Thread-safe.
 */
public final class TestingLogQuery implements LogQuery {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<LogSearch> searches = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private record Listener(LogFilter filter, Consumer<LogRecord> consumer) {}

    /** Stores records, in order. */
    public void add(LogRecord... more) {
        for (LogRecord record : more) {
            records.add(record);
            for (Listener listener : listeners) {
                if (listener.filter().testIgnoringTime(record)) {
                    listener.consumer().accept(record);
                }
            }
        }
    }

    /** Every search made so far, in order. */
    public List<LogSearch> searches() {
        return List.copyOf(searches);
    }

    @Override
    public LogPage search(LogSearch search) {
        searches.add(search);
        List<LogRecord> matching = new ArrayList<>();
        for (LogRecord record : records) {
            if (search.filter().test(record)) {
                matching.add(record);
            }
        }
        // stable: records of the same time stay in the order they were added
        matching.sort(Comparator.comparingLong(LogRecord::timeNanos));
        if (search.direction() == LogSearch.Direction.BACKWARD) {
            java.util.Collections.reverse(matching);
        }
        int offset = search.cursor().map(c -> cursorOffset(c, search)).orElse(0);
        int end = Math.min(matching.size(), offset + search.limit());
        Optional<String> next = end < matching.size() ? Optional.of(cursor(search, end)) : Optional.empty();
        return new LogPage(matching.subList(Math.min(offset, end), end), next);
    }

    @Override
    public LogCounts counts(LogFilter filter, Duration step) {
        long stepNanos = step.toNanos();
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        long from = LogFilter.nanos(filter.from());
        long to = LogFilter.nanos(filter.to());
        long buckets = Math.max(1, (to - from + stepNanos - 1) / stepNanos);
        if (buckets > 11_000) {
            throw new IllegalArgumentException("too many buckets: " + buckets);
        }
        List<Map<Severity, Long>> counts = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            counts.add(new EnumMap<>(Severity.class));
        }
        for (LogRecord record : records) {
            if (filter.test(record)) {
                int bucket = (int) ((record.timeNanos() - from) / stepNanos);
                counts.get(bucket).merge(record.severity(), 1L, Long::sum);
            }
        }
        List<LogCounts.Bucket> out = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            long start = from + i * stepNanos;
            out.add(new LogCounts.Bucket(Instant.ofEpochSecond(0, start), counts.get(i)));
        }
        return new LogCounts(step, out);
    }

    @Override
    public List<Map<String, String>> resources(Instant from, Instant to) {
        Set<Map<String, String>> found = new LinkedHashSet<>();
        LogFilter filter = LogFilter.between(from, to);
        for (LogRecord record : records) {
            if (filter.test(record)) {
                found.add(record.resource());
            }
        }
        return List.copyOf(found);
    }

    @Override
    public Registration tail(LogFilter filter, Consumer<LogRecord> listener) {
        Listener l = new Listener(filter, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    private static String cursor(LogSearch search, int offset) {
        return Integer.toHexString(search.filter().hashCode()) + ":" + search.direction() + ":" + offset;
    }

    private static int cursorOffset(String cursor, LogSearch search) {
        String[] parts = cursor.split(":");
        if (parts.length != 3 || !parts[0].equals(Integer.toHexString(search.filter().hashCode()))
                || !parts[1].equals(search.direction().toString())) {
            throw new IllegalArgumentException("the cursor " + cursor + " is from another search");
        }
        return Integer.parseInt(parts[2]);
    }
}
