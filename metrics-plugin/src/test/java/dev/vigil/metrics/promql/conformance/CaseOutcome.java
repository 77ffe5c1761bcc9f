package dev.vigil.metrics.promql.conformance;

import static java.util.Objects.requireNonNull;

/**
 * How one case went.
 *
 * @param id {@code <file>:<line>} of its eval line
 * @param expression the expression it evaluates
 * @param status passed, failed or unsupported
 * @param reason why it failed or is unsupported, on one line; empty when it passed
 */
record CaseOutcome(String id, String expression, Status status, String reason) {

    /** How a case went. */
    enum Status {
        /** The engine gave what the script expects. */
        PASSED,
        /** The engine gave something else, or failed. */
        FAILED,
        /** The case needs native histograms; it is neither passed nor failed. */
        UNSUPPORTED
    }

    /** Checks the parts and puts the reason on one line. */
    CaseOutcome {
        requireNonNull(id, "id is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(status, "status is null");
        reason = oneLine(requireNonNull(reason, "reason is null"));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s*\\R\\s*", " ");
        return flat.length() > 1000 ? flat.substring(0, 1000) + " ..." : flat;
    }
}
