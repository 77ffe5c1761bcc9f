package dev.vigil.logging.errors;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param issues the issues of the page, in the query's order
 * @param total how many issues the query selects on all pages
 */
public record IssuePage(List<ErrorIssue> issues, int total) {

    /** Copies the list. */
    public IssuePage {
        issues = List.copyOf(issues);
        if (total < issues.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + issues.size() + " issues on the page");
        }
    }
}
