package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Which issues to list and in what order.
 *
 * @param service only issues that occurred in this service, if given
 * @param status only issues in this status, if given
 * @param text only issues whose title, type or culprit contains this text, ignoring case; empty for all
 * @param sort the order, always descending (most recent, most frequent, or newest first)
 * @param limit the most issues on a page, 1 to {@link #MAX_LIMIT}
 * @param page which page, from 1
 */
public record IssueQuery(Optional<String> service, Optional<IssueStatus> status, String text, Sort sort, int limit, int page) {

    /** The most issues one page may hold. */
    public static final int MAX_LIMIT = 1000;

    /** The order of a listing. */
    public enum Sort {
        /** The most recently seen first. */
        LAST_SEEN,
        /** The most frequent first. */
        COUNT,
        /** The newest issues first. */
        FIRST_SEEN
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code limit} or {@code page} is out of range
     */
    public IssueQuery {
        requireNonNull(service, "service is null");
        requireNonNull(status, "status is null");
        requireNonNull(text, "text is null");
        requireNonNull(sort, "sort is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, got " + page);
        }
    }

    /** Every issue, most recently seen first, 100 a page. */
    public static IssueQuery all() {
        return new IssueQuery(Optional.empty(), Optional.empty(), "", Sort.LAST_SEEN, 100, 1);
    }
}
