package dev.vigil.metrics.promql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.QueryException;

/**
 * A failure while a query is evaluated, unchecked so it can leave the evaluator from any depth; the engine
 * turns it into a {@link QueryException} of the same type.
 */
public final class PromqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final QueryException.ErrorType type;

    /** A failure of the given type; {@code message} is what the user sees. */
    public PromqlException(QueryException.ErrorType type, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.type = requireNonNull(type, "type is null");
    }

    /** An {@code execution} failure, such as an invalid function argument. */
    public static PromqlException execution(String message) {
        return new PromqlException(QueryException.ErrorType.EXECUTION, message);
    }

    /** The category. */
    public QueryException.ErrorType type() {
        return type;
    }

    /** This failure as the checked exception of the SPI. */
    public QueryException toQueryException() {
        return new QueryException(type, getMessage(), this);
    }
}
