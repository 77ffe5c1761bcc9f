package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

/**
 * What error tracking tells its listeners: not every occurrence, only those that need someone's attention.
 *
 * @param kind why the event is raised
 * @param issue the issue after the occurrence that raised it
 */
public record ErrorEvent(Kind kind, ErrorIssue issue) {

    /** Why an event is raised. */
    public enum Kind {
        /** The first occurrence of a fingerprint not seen before (or evicted since). */
        NEW_ISSUE,
        /** An occurrence of a resolved issue after it was resolved; the issue is unresolved again. */
        REGRESSION
    }

    /** Checks the values. */
    public ErrorEvent {
        requireNonNull(kind, "kind is null");
        requireNonNull(issue, "issue is null");
    }
}
