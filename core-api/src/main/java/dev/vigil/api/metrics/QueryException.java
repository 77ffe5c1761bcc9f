package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import org.jspecify.annotations.Nullable;

/** A query that could not be parsed or run, with the category Prometheus's HTTP API reports for it. */
@Experimental
public final class QueryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a query failed, named as in the {@code errorType} of Prometheus's API. */
    public enum ErrorType {
        /** The expression or a parameter is malformed ({@code bad_data}, HTTP 400). */
        BAD_DATA("bad_data", 400),
        /** The query is valid but could not be evaluated, such as over too many samples ({@code execution}, 422). */
        EXECUTION("execution", 422),
        /** The query ran longer than its timeout ({@code timeout}, 503). */
        TIMEOUT("timeout", 503),
        /** The query was cancelled ({@code canceled}, 503). */
        CANCELED("canceled", 503),
        /** The store could not be read ({@code internal}, 500). */
        INTERNAL("internal", 500);

        private final String apiName;
        private final int httpStatus;

        ErrorType(String apiName, int httpStatus) {
            this.apiName = apiName;
            this.httpStatus = httpStatus;
        }

        /** The {@code errorType} string of Prometheus's API. */
        public String apiName() {
            return apiName;
        }

        /** The HTTP status Prometheus answers with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final ErrorType type;

    /** A failure of the given type. */
    public QueryException(ErrorType type, String message) {
        this(type, message, null);
    }

    /** A failure of the given type, caused by {@code cause}. */
    public QueryException(ErrorType type, String message, @Nullable Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.type = requireNonNull(type, "type is null");
    }

    /** The category. */
    public ErrorType type() {
        return type;
    }
}
