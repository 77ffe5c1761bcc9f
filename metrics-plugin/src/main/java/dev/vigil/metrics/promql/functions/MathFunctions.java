package dev.vigil.metrics.promql.functions;

/**
 * The element-wise arithmetic functions: absolute value, rounding, exponentials and logarithms, square root,
 * sign, angle conversion, trigonometric and hyperbolic functions, {@code round} and the {@code clamp} family.
 * Each maps one sample value (and the call's scalar arguments) to the new value; special values behave as in
 * Prometheus (for example {@code ln} of a negative number is NaN, of 0 is -Inf). Stateless and thread-safe.
 */
public final class MathFunctions {

    private static final double LN2 = Math.log(2);
    /** Below this, asinh and atanh equal their argument to double precision. */
    private static final double TINY = 0x1p-28;
    /** Above this, the 1 in asinh's and acosh's square root no longer counts. */
    private static final double HUGE = 0x1p28;

    private MathFunctions() {}

    /** {@code sgn}: -1 for negative values, 1 for positive ones, the value itself for zeros and NaN. */
    public static double sgn(double v) {
        if (v < 0) {
            return -1;
        }
        if (v > 0) {
            return 1;
        }
        return v;
    }

    /** {@code deg}: radians to degrees. */
    public static double deg(double v) {
        return v * 180 / Math.PI;
    }

    /** {@code rad}: degrees to radians. */
    public static double rad(double v) {
        return v * Math.PI / 180;
    }

    /** {@code log2}: exact for powers of two. */
    public static double log2(double v) {
        if (Double.isNaN(v) || v < 0) {
            return Double.NaN;
        }
        if (v == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(v)) {
            return v;
        }
        // Split v into a fraction in [0.5, 1) and a power of two, so whole powers of two come out exact.
        int exponent = Math.getExponent(v);
        double fraction;
        if (exponent < Double.MIN_EXPONENT) {
            double normal = v * 0x1p54;
            exponent = Math.getExponent(normal) - 54;
            fraction = Math.scalb(normal, -Math.getExponent(normal) - 1);
        } else {
            fraction = Math.scalb(v, -exponent - 1);
        }
        exponent++;
        if (fraction == 0.5) {
            return exponent - 1;
        }
        return Math.log(fraction) * (1 / LN2) + exponent;
    }

    /** {@code asinh}: the inverse hyperbolic sine. */
    public static double asinh(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double a = Math.abs(v);
        double result;
        if (a > HUGE) {
            result = Math.log(a) + LN2;
        } else if (a > 2) {
            result = Math.log(2 * a + 1 / (Math.sqrt(v * v + 1) + a));
        } else if (a < TINY) {
            result = a;
        } else {
            result = Math.log1p(a + v * v / (1 + Math.sqrt(1 + v * v)));
        }
        return Math.copySign(result, v);
    }

    /** {@code acosh}: the inverse hyperbolic cosine; NaN below 1. */
    public static double acosh(double v) {
        if (v < 1 || Double.isNaN(v)) {
            return Double.NaN;
        }
        if (v == 1) {
            return 0;
        }
        if (v >= HUGE) {
            return Double.isInfinite(v) ? v : Math.log(v) + LN2;
        }
        if (v > 2) {
            return Math.log(2 * v - 1 / (v + Math.sqrt(v * v - 1)));
        }
        double t = v - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** {@code atanh}: the inverse hyperbolic tangent; ±Inf at ±1, NaN beyond. */
    public static double atanh(double v) {
        if (Double.isNaN(v) || v < -1 || v > 1) {
            return Double.NaN;
        }
        if (v == 1 || v == -1) {
            return v * Double.POSITIVE_INFINITY;
        }
        double a = Math.abs(v);
        double result;
        if (a < TINY) {
            result = a;
        } else if (a < 0.5) {
            double twice = a + a;
            result = 0.5 * Math.log1p(twice + twice * a / (1 - a));
        } else {
            result = 0.5 * Math.log1p((a + a) / (1 - a));
        }
        return Math.copySign(result, v);
    }

    /**
     * {@code round(v, to)}: the multiple of {@code to} nearest to {@code v}, halves rounded up (towards +Inf);
     * {@code to} is 1 when the call has no second argument.
     */
    public static double round(double v, double to) {
        // Dividing by the inverse is what Prometheus does; it keeps results like round(2.15, 0.1) tidy.
        double inverse = 1.0 / to;
        return Math.floor(v * inverse + 0.5) / inverse;
    }

    /**
     * {@code clamp(v, min, max)}: {@code v} held within [min, max]; NaN if a bound or the value is NaN. When
     * {@code max < min} the call has no output at all, which the evaluator handles (see
     * {@link FunctionKernels#dropsEverySample}).
     */
    public static double clamp(double v, double min, double max) {
        return goMax(min, goMin(max, v));
    }

    /** {@code clamp_min(v, min)}: {@code v}, or {@code min} if larger. */
    public static double clampMin(double v, double min) {
        return clamp(v, min, Double.POSITIVE_INFINITY);
    }

    /** {@code clamp_max(v, max)}: {@code v}, or {@code max} if smaller. */
    public static double clampMax(double v, double max) {
        return clamp(v, Double.NEGATIVE_INFINITY, max);
    }

    /** Whether {@code clamp(·, min, max)} has no output: the bounds are the wrong way round. */
    public static boolean clampDropsAll(double min, double max) {
        return max < min;
    }

    /** The larger of a and b, where +Inf wins even over NaN, as in Go's {@code math.Max}. */
    private static double goMax(double a, double b) {
        if (a == Double.POSITIVE_INFINITY || b == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(a, b);
    }

    /** The smaller of a and b, where -Inf wins even over NaN, as in Go's {@code math.Min}. */
    private static double goMin(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY || b == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.min(a, b);
    }
}
