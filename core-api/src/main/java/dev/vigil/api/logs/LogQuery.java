package dev.vigil.api.logs;

import dev.vigil.api.Experimental;
import dev.vigil.api.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Searches, counts and follows stored log records. The logging plugin publishes one in the service registry. Thread-safe.
 *
 * <p>Bad arguments (a cursor from another search, a step that would make too many buckets) are refused with an
 * {@link IllegalArgumentException} whose message says why; a store that cannot be read throws
 * {@link java.io.UncheckedIOException}.
 */
@Experimental
public interface LogQuery {

    /** One page of the records {@code search} takes, in its order. */
    LogPage search(LogSearch search);

    /**
     * How many records {@code filter} takes in each {@code step} from its start to its end, by severity.
     *
     * @throws IllegalArgumentException if {@code step} is not positive or would make more than 11,000 buckets
     */
    LogCounts counts(LogFilter filter, Duration step);

    /**
     * The distinct resources (sets of resource attributes) with records from {@code from} to {@code to}: Loki's
     * streams, from which label names and values are listed.
     */
    List<Map<String, String>> resources(Instant from, Instant to);

    /**
     * Follows new records: {@code listener} gets every record stored from now on that {@code filter} takes, whatever
     * its time, on a thread of the store's, in the order they are stored. A listener that throws is removed. Closing
     * the registration stops it.
     */
    Registration tail(LogFilter filter, Consumer<LogRecord> listener);
}
