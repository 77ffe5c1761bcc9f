package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;

/**
 * A parsed query, ready to run once. {@link #execute()} runs it on the calling thread; {@link #cancel()} may
 * be called from any thread and makes a running or later {@code execute()} fail with
 * {@link QueryException.ErrorType#CANCELED}. Close it when done.
 */
@Experimental
public interface Query extends AutoCloseable {

    /** The expression as given. */
    String expression();

    /**
     * Runs the query.
     *
     * @throws QueryException if the query fails, takes longer than its timeout, touches more samples than
     *     allowed or is cancelled
     * @throws IllegalStateException if it has run already or is closed
     */
    QueryResult execute() throws QueryException;

    /** Stops the query if it is running, and makes it fail if it has not started yet. */
    void cancel();

    /** Releases what the query holds. */
    @Override
    void close();
}
