package dev.vigil.api.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.util.Optional;

/**
 * One page of a search.
 *
 * @param filter which records
 * @param direction newest first ({@link Direction#BACKWARD}, the default) or oldest first
 * @param limit the most records on the page, 1 to {@link #MAX_LIMIT}
 * @param cursor where the page starts: the {@link LogPage#next()} of the page before, or empty for the first page
 */
@Experimental
public record LogSearch(LogFilter filter, Direction direction, int limit, Optional<String> cursor) {

    /** The most records one page may hold. */
    public static final int MAX_LIMIT = 10_000;

    /** The order of the records. */
    public enum Direction {
        /** Newest first. */
        BACKWARD,
        /** Oldest first. */
        FORWARD
    }

    /** Checks the values. */
    public LogSearch {
        requireNonNull(filter, "filter is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(cursor, "cursor is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The first page of up to {@code limit} records of {@code filter}, newest first. */
    public static LogSearch newestFirst(LogFilter filter, int limit) {
        return new LogSearch(filter, Direction.BACKWARD, limit, Optional.empty());
    }

    /** The page after {@code page}, which this search gave. */
    public LogSearch after(LogPage page) {
        return new LogSearch(filter, direction, limit, page.next());
    }
}
