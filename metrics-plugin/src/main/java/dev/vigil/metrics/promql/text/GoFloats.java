package dev.vigil.metrics.promql.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles written as Go writes them, so that numbers in messages, labels and API answers read the same here as
 * in Prometheus. Every form but {@link #fixed} uses the shortest digits that read back to the same double, and
 * among those the nearest; {@code NaN}, {@code +Inf} and {@code -Inf} are spelled so.
 *
 * <p>The static methods return strings, for messages and labels. An instance writes into a caller's character
 * array, allocating nothing per value in the common cases, for answers that hold millions of numbers. An instance
 * keeps the digits of the value it is writing, so it is not thread-safe: use one per thread or answer.
 */
public final class GoFloats {

    /**
     * The most characters one value takes: a sign, then {@code 0.} and 323 zeros before up to 17 digits, or up to
     * 309 digits before the point.
     */
    public static final int MAX_LENGTH = 400;

    private static final double TWO_TO_53 = 9007199254740992.0;
    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    /** From this exponent up, or below -4, {@code %g} writes an exponent. */
    private static final int G_EXPONENT_FROM = 6;

    private final char[] digits = new char[20];
    private int digitCount;
    /** The value is 0.{digits} times 10 to this power. */
    private int pointPosition;

    /** An instance for writing many values into character arrays with the {@code append} methods. */
    public GoFloats() {}

    /**
     * {@code v} as Go's {@code %g} writes it: {@code 0.5}, {@code 2}, {@code 1e+06}, {@code 1.5e-05},
     * {@code -0}, {@code NaN}, {@code +Inf}, {@code -Inf}.
     */
    public static String g(double v) {
        char[] out = new char[MAX_LENGTH];
        return new String(out, 0, new GoFloats().appendG(out, 0, v));
    }

    /**
     * {@code v} never with an exponent, as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} writes it and as
     * Prometheus writes the value label of {@code count_values}: {@code 0.1}, {@code 1000000}, {@code 0.0000001}.
     */
    public static String plain(double v) {
        char[] out = new char[MAX_LENGTH];
        return new String(out, 0, new GoFloats().appendPlain(out, 0, v));
    }

    /**
     * {@code v} as OpenMetrics writes floats, as Prometheus writes the quantile label of
     * {@code histogram_quantiles}: like {@link #g} but with {@code .0} added to whole numbers ({@code 0.0},
     * {@code 0.25}, {@code 1.0}, {@code 1e+06}).
     */
    public static String openMetrics(double v) {
        String text = g(v);
        if (Double.isNaN(v) || Double.isInfinite(v) || text.indexOf('.') >= 0 || text.indexOf('e') >= 0) {
            return text;
        }
        return text + ".0";
    }

    /** {@code v} as Go's {@code %f} writes it: six decimals, rounded, such as {@code 0.000000} or {@code +Inf}. */
    public static String fixed(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String text = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /**
     * Writes {@code v} at {@code out[at]} never with an exponent, as {@link #plain}; {@code out} needs
     * {@link #MAX_LENGTH} characters from {@code at}. Returns the index after the last character written.
     */
    public int appendPlain(char[] out, int at, double v) {
        if (!Double.isFinite(v)) {
            return appendSpecial(out, at, v);
        }
        return writePlain(out, signAndDigits(out, at, v));
    }

    /**
     * Writes {@code v} at {@code out[at]} with an exponent of at least two digits, as Go's
     * {@code strconv.FormatFloat(v, 'e', -1, 64)}: {@code 1.5e+21}, {@code 1e-07}, {@code 0e+00}; {@code out}
     * needs {@link #MAX_LENGTH} characters from {@code at}. Returns the index after the last character written.
     */
    public int appendExponent(char[] out, int at, double v) {
        if (!Double.isFinite(v)) {
            return appendSpecial(out, at, v);
        }
        return writeExponent(out, signAndDigits(out, at, v), false);
    }

    /**
     * Writes {@code v} at {@code out[at]} as Go's {@code encoding/json} writes a number: without an exponent,
     * except below 1e-6 and from 1e21 up, and then with no leading zero in a negative exponent ({@code 1e-7},
     * {@code 1e+21}); {@code out} needs {@link #MAX_LENGTH} characters from {@code at}. Returns the index after
     * the last character written.
     */
    public int appendJson(char[] out, int at, double v) {
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21) && Double.isFinite(v)) {
            return writeExponent(out, signAndDigits(out, at, v), true);
        }
        return appendPlain(out, at, v);
    }

    private int appendG(char[] out, int at, double v) {
        if (!Double.isFinite(v)) {
            return appendSpecial(out, at, v);
        }
        int start = signAndDigits(out, at, v);
        int exponent = pointPosition - 1;
        return exponent < -4 || exponent >= G_EXPONENT_FROM ? writeExponent(out, start, false) : writePlain(out, start);
    }

    private static int appendSpecial(char[] out, int at, double v) {
        return put(out, at, Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf");
    }

    /** Writes the sign of {@code v} (finite), finds its digits and returns where they go. */
    private int signAndDigits(char[] out, int at, double v) {
        int start = at;
        if (Double.doubleToRawLongBits(v) < 0) {
            out[start++] = '-';
        }
        double abs = Math.abs(v);
        if (abs == 0) {
            digits[0] = '0';
            digitCount = 1;
            pointPosition = 1;
        } else {
            shortest(abs);
        }
        return start;
    }

    private int writePlain(char[] out, int start) {
        int at = start;
        if (pointPosition <= 0) {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = pointPosition; i < 0; i++) {
                out[at++] = '0';
            }
            System.arraycopy(digits, 0, out, at, digitCount);
            return at + digitCount;
        }
        if (pointPosition >= digitCount) {
            System.arraycopy(digits, 0, out, at, digitCount);
            at += digitCount;
            for (int i = digitCount; i < pointPosition; i++) {
                out[at++] = '0';
            }
            return at;
        }
        System.arraycopy(digits, 0, out, at, pointPosition);
        at += pointPosition;
        out[at++] = '.';
        System.arraycopy(digits, pointPosition, out, at, digitCount - pointPosition);
        return at + digitCount - pointPosition;
    }

    /** Go's {@code %e} with the shortest digits; JSON drops the leading zero of a negative exponent. */
    private int writeExponent(char[] out, int start, boolean json) {
        int at = start;
        out[at++] = digits[0];
        if (digitCount > 1) {
            out[at++] = '.';
            System.arraycopy(digits, 1, out, at, digitCount - 1);
            at += digitCount - 1;
        }
        out[at++] = 'e';
        int exp = pointPosition - 1;
        out[at++] = exp < 0 ? '-' : '+';
        exp = Math.abs(exp);
        if (exp < 10) {
            if (!json || out[at - 1] == '+') {
                out[at++] = '0';
            }
            out[at++] = (char) ('0' + exp);
        } else if (exp < 100) {
            out[at++] = (char) ('0' + exp / 10);
            out[at++] = (char) ('0' + exp % 10);
        } else {
            out[at++] = (char) ('0' + exp / 100);
            out[at++] = (char) ('0' + exp / 10 % 10);
            out[at++] = (char) ('0' + exp % 10);
        }
        return at;
    }

    /**
     * Finds the fewest decimal digits that read back as {@code x} (positive and finite), and among those the
     * ones nearest to it, into {@link #digits} and {@link #pointPosition}. The usual values (integers, and
     * decimals with few digits) are found with a few double operations; others start from
     * {@link Double#toString}, whose digits read back correctly but are not always the fewest (nor, from 2^53 up,
     * the nearest) on Java 17, and are then shortened while they still read back.
     */
    private void shortest(double x) {
        long mantissa = -1;
        int scale = 0; // x is mantissa / 10^scale
        if (x < TWO_TO_53) {
            for (int k = 0; k < POWERS_OF_TEN.length; k++) {
                double scaled = x * POWERS_OF_TEN[k];
                if (scaled >= TWO_TO_53) {
                    break;
                }
                if (scaled == Math.rint(scaled) && scaled / POWERS_OF_TEN[k] == x) {
                    mantissa = (long) scaled;
                    scale = k;
                    break;
                }
            }
        }
        boolean fromJdk = mantissa < 0;
        if (fromJdk) {
            String s = Double.toString(x);
            long m = 0;
            int fractionDigits = 0;
            int exponent = 0;
            boolean afterPoint = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '.') {
                    afterPoint = true;
                } else if (c == 'E') {
                    exponent = Integer.parseInt(s, i + 1, s.length(), 10);
                    break;
                } else {
                    m = m * 10 + (c - '0');
                    if (afterPoint) {
                        fractionDigits++;
                    }
                }
            }
            mantissa = m;
            scale = fractionDigits - exponent;
        }
        while (mantissa % 10 == 0) {
            mantissa /= 10;
            scale--;
        }
        // One digit fewer is worth a try for as long as it reads back: if no number with one digit fewer does,
        // none with even fewer does (each of those is also one with a trailing zero).
        while (mantissa >= 10) {
            long down = mantissa / 10;
            long up = down + 1;
            boolean downReadsBack = readsBack(down, scale - 1, x);
            boolean upReadsBack = readsBack(up, scale - 1, x);
            if (downReadsBack && upReadsBack) {
                mantissa = nearer(down, up, scale - 1, x);
            } else if (downReadsBack) {
                mantissa = down;
            } else if (upReadsBack) {
                mantissa = up;
            } else {
                break;
            }
            scale--;
            while (mantissa % 10 == 0) {
                mantissa /= 10;
                scale--;
            }
        }
        if (fromJdk && mantissa >= 10_000_000_000_000_000L && x >= TWO_TO_53) {
            // Seventeen digits are needed, and from 2^53 up the JDK's are not always the nearest ones.
            BigDecimal nearest = new BigDecimal(x).round(SEVENTEEN_DIGITS);
            if (nearest.doubleValue() == x) {
                mantissa = nearest.unscaledValue().longValueExact();
                scale = nearest.scale();
                while (mantissa % 10 == 0) {
                    mantissa /= 10;
                    scale--;
                }
            }
        }
        int count = 0;
        for (long m = mantissa; m > 0; m /= 10) {
            count++;
        }
        for (int i = count - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + mantissa % 10);
            mantissa /= 10;
        }
        digitCount = count;
        pointPosition = count - scale;
    }

    /**
     * Of two neighbouring decimals that both read back as {@code x}, the one nearer to its exact value, the even
     * one when they are as near. Both reading back is rare, so the exact arithmetic is affordable.
     */
    private static long nearer(long down, long up, int scale, double x) {
        BigDecimal exact = new BigDecimal(x);
        int c = exact.subtract(BigDecimal.valueOf(down, scale)).abs()
                .compareTo(BigDecimal.valueOf(up, scale).subtract(exact).abs());
        return c < 0 || (c == 0 && down % 2 == 0) ? down : up;
    }

    /** Whether {@code mantissa / 10^scale} reads back as {@code x}. */
    private static boolean readsBack(long mantissa, int scale, double x) {
        if (mantissa < TWO_TO_53) {
            // One correctly rounded operation on two exact doubles gives the double nearest the decimal.
            if (scale >= 0 && scale < POWERS_OF_TEN.length) {
                return mantissa / POWERS_OF_TEN[scale] == x;
            }
            if (scale < 0 && -scale < POWERS_OF_TEN.length) {
                return mantissa * POWERS_OF_TEN[-scale] == x;
            }
        }
        return Double.parseDouble(mantissa + "E" + -scale) == x;
    }

    private static int put(char[] out, int at, String s) {
        s.getChars(0, s.length(), out, at);
        return at + s.length();
    }
}
