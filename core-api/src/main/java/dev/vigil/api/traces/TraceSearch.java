package dev.vigil.api.traces;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which traces a search finds: those with at least one span that meets every condition at once, as Jaeger's and
 * Zipkin's searches work.
 *
 * @param from the earliest span start, inclusive
 * @param to the latest span start, exclusive
 * @param service the span's {@code service.name}, or empty for any
 * @param operation the span's name, or empty for any
 * @param errorsOnly whether the span must have failed
 * @param minDuration the least duration of the span, or empty
 * @param maxDuration the most duration of the span, or empty
 * @param attributes conditions on the span's attributes (a resource attribute counts too), an absent one matched as
 *     {@code ""}
 * @param limit the most traces returned, newest first, 1 to {@link #MAX_LIMIT}
 */
@Experimental
public record TraceSearch(Instant from, Instant to, Optional<String> service, Optional<String> operation, boolean errorsOnly,
        Optional<Duration> minDuration, Optional<Duration> maxDuration, List<LabelMatcher> attributes, int limit) {

    /** The most traces one search returns. */
    public static final int MAX_LIMIT = 10_000;

    /** Checks and copies. */
    public TraceSearch {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(service, "service is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(minDuration, "minDuration is null");
        requireNonNull(maxDuration, "maxDuration is null");
        attributes = List.copyOf(attributes);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Up to {@code limit} traces with spans from {@code from} to {@code to}, with no other condition. */
    public static TraceSearch between(Instant from, Instant to, int limit) {
        return new TraceSearch(from, to, Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), List.of(), limit);
    }

    /** This search taking only spans of {@code service}. */
    public TraceSearch withService(String service) {
        return new TraceSearch(from, to, Optional.of(service), operation, errorsOnly, minDuration, maxDuration, attributes, limit);
    }

    /** This search taking only spans named {@code operation}. */
    public TraceSearch withOperation(String operation) {
        return new TraceSearch(from, to, service, Optional.of(operation), errorsOnly, minDuration, maxDuration, attributes, limit);
    }

    /** This search taking only failed spans. */
    public TraceSearch withErrorsOnly() {
        return new TraceSearch(from, to, service, operation, true, minDuration, maxDuration, attributes, limit);
    }

    /** This search taking only spans that lasted from {@code min} to {@code max} (either may be null for no bound). */
    public TraceSearch withDuration(Duration min, Duration max) {
        return new TraceSearch(from, to, service, operation, errorsOnly, Optional.ofNullable(min), Optional.ofNullable(max), attributes,
                limit);
    }

    /** This search with the attribute conditions {@code matchers} (replacing any set before). */
    public TraceSearch withAttributes(List<LabelMatcher> matchers) {
        return new TraceSearch(from, to, service, operation, errorsOnly, minDuration, maxDuration, matchers, limit);
    }

    /** Whether {@code span} meets every condition, its start time included. */
    public boolean test(SpanRecord span) {
        Instant start = Instant.ofEpochSecond(Math.floorDiv(span.startNanos(), 1_000_000_000L), Math.floorMod(span.startNanos(), 1_000_000_000L));
        if (start.isBefore(from) || !start.isBefore(to)) {
            return false;
        }
        if (service.isPresent() && !service.get().equals(span.service())
                || operation.isPresent() && !operation.get().equals(span.name())
                || errorsOnly && !span.status().isError()) {
            return false;
        }
        Duration duration = span.duration();
        if (minDuration.isPresent() && duration.compareTo(minDuration.get()) < 0
                || maxDuration.isPresent() && duration.compareTo(maxDuration.get()) > 0) {
            return false;
        }
        for (LabelMatcher m : attributes) {
            String value = span.attributes().getOrDefault(m.name(), span.resource().getOrDefault(m.name(), ""));
            if (!m.matches(value)) {
                return false;
            }
        }
        return true;
    }
}
