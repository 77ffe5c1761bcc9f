package dev.vigil.logging.logql;

/**
 * A query that cannot be answered because of the query itself: it does not parse, uses what this engine does not
 * support, or goes past a limit. Loki answers these with 400 and the message as plain text.
 */
public class LogqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With Loki's wording. */
    public LogqlException(String message) {
        super(message);
    }
}
