package dev.vigil.metrics.promql.functions;

import dev.vigil.metrics.promql.PromqlException;

/**
 * Functions that fit a trend to a window of at least two samples: {@code deriv} and {@code predict_linear}
 * (least-squares line) and {@code double_exponential_smoothing} (Holt's linear smoothing). Stateless and
 * thread-safe.
 */
public final class TrendFunctions {

    private TrendFunctions() {}

    /** {@code deriv}: the per-second slope of the least-squares line through the samples. */
    public static double deriv(Window window) {
        // Times are taken relative to the first sample so that their squares stay small and exact.
        return regression(window, window.timestamps[window.from], false);
    }

    /**
     * {@code predict_linear(m, t)} with {@code args = [t]}: the value the least-squares line reaches {@code t}
     * seconds after the evaluation step (not after the window's end, which an offset or {@code @} moves).
     */
    public static double predictLinear(Window window) {
        return regression(window, window.stepTime(), true);
    }

    /**
     * {@code double_exponential_smoothing(m, sf, tf)} with {@code args = [sf, tf]}: the smoothed value at the last
     * sample. A factor of 0 or less, or 1 or more, fails the query with Prometheus's message (a NaN factor does
     * not, and gives NaN).
     */
    public static double doubleExponentialSmoothing(Window window) {
        double sf = window.args[0];
        double tf = window.args[1];
        if (sf <= 0 || sf >= 1) {
            throw PromqlException.execution(Messages.invalidSmoothingFactor(sf));
        }
        if (tf <= 0 || tf >= 1) {
            throw PromqlException.execution(Messages.invalidTrendFactor(tf));
        }
        double[] values = window.values;
        int first = window.from;
        double previousSmoothed = 0;
        double smoothed = values[first];
        double trend = values[first + 1] - values[first];
        for (int i = first + 1; i < window.to; i++) {
            // The first step keeps the initial trend; later ones blend the last change with the old trend.
            if (i > first + 1) {
                trend = tf * (smoothed - previousSmoothed) + (1 - tf) * trend;
            }
            double next = sf * values[i] + (1 - sf) * (smoothed + trend);
            previousSmoothed = smoothed;
            smoothed = next;
        }
        return smoothed;
    }

    /**
     * The slope of the least-squares line, or with {@code predict} its value {@code args[0]} seconds after
     * {@code origin}. A window whose values are all equal has slope 0 (NaN if they are infinite).
     */
    private static double regression(Window window, long origin, boolean predict) {
        long[] times = window.timestamps;
        double[] values = window.values;
        double n = 0;
        double sumX = 0;
        double cX = 0;
        double sumY = 0;
        double cY = 0;
        double sumXY = 0;
        double cXY = 0;
        double sumX2 = 0;
        double cX2 = 0;
        double initial = values[window.from];
        boolean constant = true;
        for (int i = window.from; i < window.to; i++) {
            double y = values[i];
            if (constant && i > window.from && y != initial) {
                constant = false;
            }
            n += 1;
            double x = (double) (times[i] - origin) / 1e3;
            double next = sumX + x;
            cX = KahanSum.nextCompensation(sumX, x, next, cX);
            sumX = next;
            next = sumY + y;
            cY = KahanSum.nextCompensation(sumY, y, next, cY);
            sumY = next;
            double xy = x * y;
            next = sumXY + xy;
            cXY = KahanSum.nextCompensation(sumXY, xy, next, cXY);
            sumXY = next;
            double x2 = x * x;
            next = sumX2 + x2;
            cX2 = KahanSum.nextCompensation(sumX2, x2, next, cX2);
            sumX2 = next;
        }
        double slope;
        double intercept;
        if (constant) {
            boolean infinite = Double.isInfinite(initial);
            slope = infinite ? Double.NaN : 0;
            intercept = infinite ? Double.NaN : initial;
        } else {
            sumX += cX;
            sumY += cY;
            sumXY += cXY;
            sumX2 += cX2;
            double covariance = sumXY - sumX * sumY / n;
            double variance = sumX2 - sumX * sumX / n;
            slope = covariance / variance;
            intercept = sumY / n - slope * sumX / n;
        }
        return predict ? slope * window.args[0] + intercept : slope;
    }
}
