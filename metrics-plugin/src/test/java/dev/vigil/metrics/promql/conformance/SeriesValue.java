package dev.vigil.metrics.promql.conformance;

import static java.util.Objects.requireNonNull;

/**
 * One position of a value sequence in a script: a float, a staleness marker, a missing sample ({@code _}), or
 * a native histogram literal ({@code {{...}}}), which this runner recognises but does not interpret.
 *
 * @param kind what the position holds
 * @param value the float, for {@link Kind#FLOAT}; 0 otherwise
 */
record SeriesValue(Kind kind, double value) {

    /** What a position of a value sequence holds. */
    enum Kind {
        /** A float sample. */
        FLOAT,
        /** A staleness marker ({@code stale}). */
        STALE,
        /** No sample at this position ({@code _}). */
        MISSING,
        /** A native histogram literal. */
        HISTOGRAM
    }

    static final SeriesValue STALE = new SeriesValue(Kind.STALE, 0);
    static final SeriesValue MISSING = new SeriesValue(Kind.MISSING, 0);
    static final SeriesValue HISTOGRAM = new SeriesValue(Kind.HISTOGRAM, 0);

    /** Checks the kind. */
    SeriesValue {
        requireNonNull(kind, "kind is null");
    }

    /** A float sample. */
    static SeriesValue of(double value) {
        return new SeriesValue(Kind.FLOAT, value);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FLOAT -> FloatComparison.format(value);
            case STALE -> "stale";
            case MISSING -> "_";
            case HISTOGRAM -> "{{histogram}}";
        };
    }
}
