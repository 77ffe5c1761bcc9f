package dev.vigil.api.traces;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;

/**
 * How a span ended, as in OpenTelemetry.
 *
 * @param code unset, ok or error
 * @param message the description given with an error, or empty
 */
@Experimental
public record SpanStatus(Code code, String message) {

    /** No status set: the span is taken as successful. */
    public static final SpanStatus UNSET = new SpanStatus(Code.UNSET, "");

    /** The status codes. */
    public enum Code {
        /** Not set. */
        UNSET,
        /** Explicitly successful. */
        OK,
        /** Failed. */
        ERROR
    }

    /** Checks the values. */
    public SpanStatus {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }

    /** Whether the span failed. */
    public boolean isError() {
        return code == Code.ERROR;
    }
}
