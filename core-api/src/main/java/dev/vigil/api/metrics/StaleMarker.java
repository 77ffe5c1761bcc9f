package dev.vigil.api.metrics;

/**
 * The staleness marker: a particular NaN that a scraper writes when a series stops being exposed, so that
 * queries stop returning it at once instead of after the lookback window, as in Prometheus. Stores keep it
 * bit for bit; query engines must test for it with {@link #isStale(double)}, never with {@code ==}.
 */
public final class StaleMarker {

    /** The bits of the marker, the same as Prometheus's. */
    public static final long BITS = 0x7ff0000000000002L;

    /** The marker as a {@code double}. */
    public static final double VALUE = Double.longBitsToDouble(BITS);

    private StaleMarker() {}

    /** Whether {@code value} is the staleness marker (and not any other NaN). */
    public static boolean isStale(double value) {
        return Double.doubleToRawLongBits(value) == BITS;
    }
}
