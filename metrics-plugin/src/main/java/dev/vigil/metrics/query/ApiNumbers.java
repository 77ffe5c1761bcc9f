package dev.vigil.metrics.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

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

    private static final double TWO_TO_53 = 9007199254740992.0;
    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    // Written without an exponent, a double can take 1 + 308 digits, or "0." and 323 zeros before its digits.
    private static final int MAX_TEXT = 400;

    private final char[] text = new char[MAX_TEXT];
    private final char[] digits = new char[20];
    private int digitCount;
    /** The value is 0.{digits} times 10 to this power. */
    private int pointPosition;

    /** The buffer the last call wrote to, from index 0. */
    char[] chars() {
        return text;
    }

    /** A sample value of a vector or matrix; returns the length. */
    int sampleValue(double value) {
        double abs = Math.abs(value);
        boolean exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        return format(value, exponent, false);
    }

    /** A scalar value, never with an exponent; returns the length. */
    int scalarValue(double value) {
        return format(value, false, false);
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
        double value = millis / 1000.0;
        double abs = Math.abs(value);
        boolean exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        return format(value, exponent, true);
    }

    private int format(double value, boolean exponent, boolean jsonExponent) {
        if (Double.isNaN(value)) {
            return put("NaN");
        }
        if (Double.isInfinite(value)) {
            return put(value > 0 ? "+Inf" : "-Inf");
        }
        int at = 0;
        if (Double.doubleToRawLongBits(value) < 0) {
            text[at++] = '-';
        }
        double abs = Math.abs(value);
        if (abs == 0) {
            text[at++] = '0';
            return at;
        }
        shortest(abs);
        return exponent ? writeExponent(at, jsonExponent) : writePlain(at);
    }

    private int writePlain(int start) {
        int at = start;
        if (pointPosition <= 0) {
            text[at++] = '0';
            text[at++] = '.';
            for (int i = pointPosition; i < 0; i++) {
                text[at++] = '0';
            }
            System.arraycopy(digits, 0, text, at, digitCount);
            return at + digitCount;
        }
        if (pointPosition >= digitCount) {
            System.arraycopy(digits, 0, text, at, digitCount);
            at += digitCount;
            for (int i = digitCount; i < pointPosition; i++) {
                text[at++] = '0';
            }
            return at;
        }
        System.arraycopy(digits, 0, text, at, pointPosition);
        at += pointPosition;
        text[at++] = '.';
        System.arraycopy(digits, pointPosition, text, at, digitCount - pointPosition);
        return at + digitCount - pointPosition;
    }

    /** Go's {@code %e} with the shortest digits: {@code 1.5e+21}, {@code 1e-07}; JSON drops the exponent's leading zero. */
    private int writeExponent(int start, boolean jsonExponent) {
        int at = start;
        text[at++] = digits[0];
        if (digitCount > 1) {
            text[at++] = '.';
            System.arraycopy(digits, 1, text, at, digitCount - 1);
            at += digitCount - 1;
        }
        text[at++] = 'e';
        int exp = pointPosition - 1;
        text[at++] = exp < 0 ? '-' : '+';
        exp = Math.abs(exp);
        if (exp < 10) {
            if (!jsonExponent || text[at - 1] == '+') {
                text[at++] = '0';
            }
            text[at++] = (char) ('0' + exp);
        } else if (exp < 100) {
            text[at++] = (char) ('0' + exp / 10);
            text[at++] = (char) ('0' + exp % 10);
        } else {
            text[at++] = (char) ('0' + exp / 100);
            text[at++] = (char) ('0' + exp / 10 % 10);
            text[at++] = (char) ('0' + exp % 10);
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

    private int put(String s) {
        s.getChars(0, s.length(), text, 0);
        return s.length();
    }
}
