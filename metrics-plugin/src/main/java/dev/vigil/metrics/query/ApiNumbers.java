package dev.vigil.metrics.query;

import dev.vigil.metrics.promql.text.GoFloats;

/**
 * Writes numbers as Prometheus's HTTP API writes them, into a reusable character buffer so that a response
 * with millions of points allocates nothing per point in the common cases:
 * <ul>
 *   <li>{@link #sampleValue}: a value of a vector or matrix, in the shortest form that reads back to the same
 *       double, as plain decimals, or with an exponent below 1e-6 and from 1e21 up ({@code "1e-07"},
 *       {@code "1e+21"}); {@code NaN}, {@code +Inf} and {@code -Inf} spelled so;</li>
 *   <li>{@link #scalarValue}: a scalar's value, the same digits but never with an exponent;</li>
 *   <li>{@link #timestamp}: a point's time in seconds with its milliseconds as three digits after the point,
 *       and no point when they are zero ({@code 1435781451.781}, {@code 1.500}, {@code 12});</li>
 *   <li>{@link #seconds}: the time of a scalar or string result, the shortest form of the seconds as a JSON
 *       number ({@code 1.5}).</li>
 * </ul>
 * Each method returns the length of the text now at the start of {@link #chars()}. Not thread-safe: one
 * instance per response being written.
 */
final class ApiNumbers {

    private final char[] text = new char[GoFloats.MAX_LENGTH];
    private final GoFloats floats = new GoFloats();

    /** The buffer the last call wrote to, from index 0. */
    char[] chars() {
        return text;
    }

    /** A sample value of a vector or matrix; returns the length. */
    int sampleValue(double value) {
        double abs = Math.abs(value);
        boolean exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        return exponent ? floats.appendExponent(text, 0, value) : floats.appendPlain(text, 0, value);
    }

    /** A scalar value, never with an exponent; returns the length. */
    int scalarValue(double value) {
        return floats.appendPlain(text, 0, value);
    }

    /** A point's timestamp given in milliseconds, as seconds with three digits of milliseconds; returns the length. */
    int timestamp(long millis) {
        int at = 0;
        long t = millis;
        if (t < 0) {
            text[at++] = '-';
            t = -t;
        }
        at = appendLong(t / 1000, at);
        int fraction = (int) (t % 1000);
        if (fraction != 0) {
            text[at++] = '.';
            text[at++] = (char) ('0' + fraction / 100);
            text[at++] = (char) ('0' + fraction / 10 % 10);
            text[at++] = (char) ('0' + fraction % 10);
        }
        return at;
    }

    /**
     * Milliseconds divided by 1000 and written as the shortest JSON number that reads back to that double, with
     * an exponent only below 1e-6 or from 1e21 up (and then without a leading zero in it); returns the length.
     */
    int seconds(long millis) {
        return floats.appendJson(text, 0, millis / 1000.0);
    }

    private int appendLong(long value, int start) {
        if (value == 0) {
            text[start] = '0';
            return start + 1;
        }
        int count = 0;
        for (long v = value; v > 0; v /= 10) {
            count++;
        }
        long v = value;
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return start + count;
    }
}
