package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

/**
 * A sample a {@link MetricStore} would not take, and why. Thrown without a stack trace: rejections are part
 * of normal operation, and receivers count them rather than log each one.
 */
public final class SampleRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a sample was refused. */
    public enum Reason {
        /** Older than the newest sample of its series. */
        OUT_OF_ORDER,
        /** The same timestamp as the newest sample of its series, with a different value. */
        DUPLICATE_TIMESTAMP,
        /** Older than the store accepts at all (before its retention, or before what it has already sealed). */
        OUT_OF_BOUNDS,
        /** A new series over the limit of series per metric name. */
        SERIES_LIMIT,
        /** Labels the store cannot hold, such as none at all. */
        INVALID_LABELS
    }

    private final Reason reason;

    /**
     * A rejection.
     *
     * @param reason why
     * @param message what happened, naming the series and the timestamp
     */
    public SampleRejectedException(Reason reason, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.reason = requireNonNull(reason, "reason is null");
    }

    /** Why the sample was refused. */
    public Reason reason() {
        return reason;
    }
}
