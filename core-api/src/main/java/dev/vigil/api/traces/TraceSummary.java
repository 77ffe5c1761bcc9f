package dev.vigil.api.traces;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One trace as a search lists it.
 *
 * @param traceId the trace
 * @param rootService the service of its root span, or of its earliest span when the root is missing
 * @param rootName the name of that span
 * @param start when its earliest span started
 * @param duration from its earliest start to its latest end
 * @param spans how many spans it has
 * @param errors how many of them failed
 * @param services the services it passed through, sorted
 */
@Experimental
public record TraceSummary(String traceId, String rootService, String rootName, Instant start, Duration duration, int spans, int errors,
        Set<String> services) {

    /** Checks and copies. */
    public TraceSummary {
        requireNonNull(traceId, "traceId is null");
        requireNonNull(rootService, "rootService is null");
        requireNonNull(rootName, "rootName is null");
        requireNonNull(start, "start is null");
        requireNonNull(duration, "duration is null");
        services = Set.copyOf(new java.util.TreeSet<>(services));
    }
}
