package dev.vigil.alerting.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code strconv.FormatFloat} for float64: the formats {@code e}, {@code E}, {@code f}, {@code g}, {@code G},
 * {@code b}, {@code x} and {@code X}, with a precision or (precision -1) the shortest digits that read back as
 * the same number. Digits are computed from the exact binary value and rounded half to even, as Go does, so
 * {@code %.2f} of 2.675 is {@code 2.67} and {@code %.4g} of 1234.5 is {@code 1234}. Stateless.
 */
final class GoFloats {

    /** Significant decimal digits without trailing zeros, and where the decimal point goes: value = 0.d × 10^dp. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    private static final Digits ZERO = new Digits("", 0);
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final String UPPER_HEX = "0123456789ABCDEF";

    private GoFloats() {}

    /** {@code strconv.FormatFloat(v, fmt, prec, 64)}; infinities are {@code +Inf} and {@code -Inf}. */
    static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
        double abs = Math.abs(v);
        if (fmt == 'b') {
            return formatBinary(neg, abs);
        }
        if (fmt == 'x' || fmt == 'X') {
            return formatHex(neg, abs, fmt, prec);
        }
        boolean shortest = prec < 0;
        Digits digs;
        if (shortest) {
            digs = abs == 0 ? ZERO : shortest(abs);
            prec = switch (fmt) {
                case 'e', 'E' -> Math.max(digs.nd() - 1, 0);
                case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
                default -> digs.nd();
            };
        } else {
            switch (fmt) {
                case 'e', 'E' -> digs = rounded(abs, prec + 1);
                case 'f' -> digs = fixed(abs, prec);
                default -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digs = rounded(abs, prec);
                }
            }
        }
        StringBuilder out = new StringBuilder(24);
        switch (fmt) {
            case 'e', 'E' -> appendE(out, neg, digs, prec, fmt);
            case 'f' -> appendF(out, neg, digs, prec);
            default -> {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    appendE(out, neg, digs, Math.min(prec, digs.nd()) - 1, fmt == 'g' ? 'e' : 'E');
                } else {
                    int p = prec > digs.dp() ? digs.nd() : prec;
                    appendF(out, neg, digs, Math.max(p - digs.dp(), 0));
                }
            }
        }
        return out.toString();
    }

    private static void appendE(StringBuilder out, boolean neg, Digits d, int prec, char e) {
        if (neg) {
            out.append('-');
        }
        out.append(d.nd() == 0 ? '0' : d.d().charAt(0));
        if (prec > 0) {
            out.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                out.append(d.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                out.append('0');
            }
        }
        out.append(e);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        out.append(exp);
    }

    private static void appendF(StringBuilder out, boolean neg, Digits d, int prec) {
        if (neg) {
            out.append('-');
        }
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            out.append(d.d(), 0, m);
            for (; m < d.dp(); m++) {
                out.append('0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp() + i - 1;
                out.append(j >= 0 && j < d.nd() ? d.d().charAt(j) : '0');
            }
        }
    }

    /** The shortest digits that read back as {@code abs} (positive, finite); the closest ones when several are. */
    private static Digits shortest(double abs) {
        if (abs < 0x1p53 && abs == Math.rint(abs)) {
            // Integers below 2^53 are exact, and no shorter decimal lies within half a unit of them.
            String s = Long.toString((long) abs);
            return trimmed(s, s.length());
        }
        BigDecimal exact = new BigDecimal(abs);
        int hi = Math.min(17, significantDigits(Double.toString(abs)));
        int lo = 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (candidate(exact, abs, mid) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal best = candidate(exact, abs, lo);
        if (best == null) {
            best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        return digitsOf(best);
    }

    private static BigDecimal candidate(BigDecimal exact, double abs, int precision) {
        BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean downOk = down.doubleValue() == abs;
        boolean upOk = up.doubleValue() == abs;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp == 0) {
                return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            return cmp < 0 ? down : up;
        }
        return downOk ? down : upOk ? up : null;
    }

    private static int significantDigits(String javaString) {
        int count = 0;
        boolean leading = true;
        for (int i = 0; i < javaString.length(); i++) {
            char c = javaString.charAt(i);
            if (c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    leading = false;
                }
                if (!leading) {
                    count++;
                }
            }
        }
        return Math.max(count, 1);
    }

    private static Digits rounded(double abs, int significant) {
        if (abs == 0) {
            return ZERO;
        }
        return digitsOf(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    private static Digits fixed(double abs, int decimals) {
        if (abs == 0) {
            return ZERO;
        }
        return digitsOf(new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN));
    }

    private static Digits digitsOf(BigDecimal value) {
        if (value.signum() == 0) {
            return ZERO;
        }
        String s = value.unscaledValue().abs().toString();
        return trimmed(s, s.length() - value.scale());
    }

    private static Digits trimmed(String digits, int dp) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(digits.substring(0, end), dp);
    }

    private static String formatBinary(boolean neg, double abs) {
        long bits = Double.doubleToRawLongBits(abs);
        int exp = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023 - 52;
        return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    private static String formatHex(boolean neg, double abs, char fmt, int prec) {
        long bits = Double.doubleToRawLongBits(abs);
        int exp = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp -= 1023;
        if (mant == 0) {
            exp = 0;
        }
        // Move the leading 1 to bit 60.
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > 1L << 59) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? UPPER_HEX : LOWER_HEX;
        StringBuilder out = new StringBuilder(24);
        if (neg) {
            out.append('-');
        }
        out.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        out.append(exp);
        return out.toString();
    }
}
