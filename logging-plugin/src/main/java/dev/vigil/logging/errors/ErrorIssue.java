package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LogRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A group of error occurrences with the same fingerprint, as it stood when this value was taken. Immutable.
 *
 * @param id a short stable id: 16 hex digits of the fingerprint's hash
 * @param type the class name of the exception grouped on (the root cause of a chain)
 * @param title the type's simple name and its message with parameters replaced by placeholders
 * @param culprit where it happens: the top in-app frame ({@code com.example.OrderService.load}), else the top frame,
 *     else the logger
 * @param firstSeen the time of its earliest occurrence
 * @param lastSeen the time of its latest occurrence
 * @param count how many occurrences there were
 * @param users how many distinct users it affected
 * @param services the services it occurred in, sorted
 * @param sample the latest occurrence
 * @param status where it stands in its triage
 */
public record ErrorIssue(String id, String type, String title, String culprit, Instant firstSeen, Instant lastSeen, long count,
        AffectedUsers users, Set<String> services, LogRecord sample, IssueStatus status) {

    /** Checks and copies. */
    public ErrorIssue {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(title, "title is null");
        requireNonNull(culprit, "culprit is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
        requireNonNull(users, "users is null");
        requireNonNull(sample, "sample is null");
        requireNonNull(status, "status is null");
        SortedSet<String> sorted = new TreeSet<>(services);
        services = Collections.unmodifiableSortedSet(sorted);
    }

    /**
     * The distinct users an issue affected, by the {@code enduser.id} attribute (else {@code user.id}) of its
     * occurrences. They are counted exactly up to a cap; past it the count stays at the cap and is a lower bound.
     *
     * @param count how many distinct users
     * @param atLeast whether {@code count} is the cap, so that there may be more
     */
    public record AffectedUsers(int count, boolean atLeast) {

        /** Checks the count. */
        public AffectedUsers {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, got " + count);
            }
        }
    }
}
