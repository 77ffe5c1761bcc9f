package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Time as Go prints it ({@code time.Time.String}, {@code Time.Format} with reference layouts,
 * {@code time.Duration.String}) and durations as Prometheus writes them ({@code 1h30m}). Times are UTC. Stateless.
 */
final class GoTimes {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_NANOS = {365L * 24 * 3600 * NANOS_PER_SECOND, 7L * 24 * 3600 * NANOS_PER_SECOND,
        24L * 3600 * NANOS_PER_SECOND, 3600 * NANOS_PER_SECOND, 60 * NANOS_PER_SECOND, NANOS_PER_SECOND, NANOS_PER_MILLI};

    private GoTimes() {}

    /** {@code time.Time.String} in UTC: {@code 2015-06-23 13:19:44.128 +0000 UTC}. */
    static String timeString(long epochMillis) {
        return format(epochMillis, "2006-01-02 15:04:05.999999999 -0700 MST");
    }

    /** {@code time.Duration.String}: {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
    static String durationString(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Unsigned arithmetic so that the most negative duration still prints.
        long u = negative ? -nanos : nanos;
        StringBuilder out = new StringBuilder(24);
        if (Long.compareUnsigned(u, NANOS_PER_SECOND) < 0) {
            if (u < 1000) {
                out.append(u).append("ns");
            } else if (u < NANOS_PER_MILLI) {
                appendFraction(out, u, 3);
                out.append("µs");
            } else {
                appendFraction(out, u, 6);
                out.append("ms");
            }
        } else {
            long seconds = Long.divideUnsigned(u, NANOS_PER_SECOND);
            long fraction = Long.remainderUnsigned(u, NANOS_PER_SECOND);
            long minutes = seconds / 60;
            long hours = minutes / 60;
            if (hours > 0) {
                out.append(hours).append('h');
            }
            if (minutes > 0) {
                out.append(minutes % 60).append('m');
            }
            out.append(seconds % 60);
            appendFractionDigits(out, fraction, 9);
            out.append('s');
        }
        return negative ? "-" + out : out.toString();
    }

    private static void appendFraction(StringBuilder out, long value, int digits) {
        long scale = (long) Math.pow(10, digits);
        out.append(value / scale);
        appendFractionDigits(out, value % scale, digits);
    }

    private static void appendFractionDigits(StringBuilder out, long fraction, int digits) {
        if (fraction == 0) {
            return;
        }
        String s = Long.toString(fraction);
        StringBuilder padded = new StringBuilder(digits);
        for (int i = s.length(); i < digits; i++) {
            padded.append('0');
        }
        padded.append(s);
        int end = padded.length();
        while (end > 0 && padded.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(padded, 0, end);
    }

    /**
     * Prometheus's duration syntax ({@code model.ParseDuration}, with a leading minus allowed): units from
     * {@code y} down to {@code ms}, largest first, or a bare {@code 0}.
     *
     * @return the duration in nanoseconds
     * @throws IllegalArgumentException with Prometheus's message
     */
    static long parsePrometheusDuration(String s) {
        return s.startsWith("-") ? -parseUnsignedDuration(s.substring(1)) : parseUnsignedDuration(s);
    }

    private static long parseUnsignedDuration(String s) {
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        String invalid = "not a valid duration string: " + GoText.quote(s);
        long total = 0;
        int lastUnit = -1;
        int i = 0;
        while (i < s.length()) {
            int digitsStart = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digitsStart) {
                throw new IllegalArgumentException(invalid);
            }
            long value;
            try {
                value = Long.parseUnsignedLong(s.substring(digitsStart, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(invalid, e);
            }
            int unitStart = i;
            while (i < s.length() && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                i++;
            }
            if (i == unitStart) {
                throw new IllegalArgumentException(invalid);
            }
            String unit = s.substring(unitStart, i);
            int index = java.util.Arrays.asList(UNITS).indexOf(unit);
            if (index < 0) {
                throw new IllegalArgumentException("unknown unit " + GoText.quote(unit) + " in duration " + GoText.quote(s));
            }
            if (index <= lastUnit) {
                throw new IllegalArgumentException(invalid);
            }
            lastUnit = index;
            if (Long.compareUnsigned(value, Long.divideUnsigned(Long.MIN_VALUE, UNIT_NANOS[index])) > 0) {
                throw new IllegalArgumentException("duration out of range");
            }
            total += value * UNIT_NANOS[index];
            if (total < 0) {
                throw new IllegalArgumentException("duration out of range");
            }
        }
        return total;
    }

    /** {@code time.Time.Format} in UTC, with Go's reference-time layout elements. */
    static String format(long epochMillis, String layout) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        int nanos = t.getNano();
        StringBuilder out = new StringBuilder(layout.length() + 10);
        int i = 0;
        while (i < layout.length()) {
            int consumed = appendElement(out, layout, i, t, nanos);
            if (consumed == 0) {
                out.append(layout.charAt(i));
                i++;
            } else {
                i += consumed;
            }
        }
        return out.toString();
    }

    /** Appends the layout element starting at {@code i}, if one does, and returns its length; 0 if none does. */
    private static int appendElement(StringBuilder out, String layout, int i, LocalDateTime t, int nanos) {
        String rest = layout.substring(i);
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        if (rest.startsWith("January")) {
            out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            return 7;
        }
        if (rest.startsWith("Jan")) {
            out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            return 3;
        }
        if (rest.startsWith("Monday")) {
            out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            return 6;
        }
        if (rest.startsWith("Mon")) {
            out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            return 3;
        }
        if (rest.startsWith("MST")) {
            out.append("UTC");
            return 3;
        }
        if (rest.startsWith("2006")) {
            appendYear(out, t.getYear());
            return 4;
        }
        if (rest.startsWith("002")) {
            pad(out, t.getDayOfYear(), 3, '0');
            return 3;
        }
        if (rest.startsWith("__2")) {
            pad(out, t.getDayOfYear(), 3, ' ');
            return 3;
        }
        if (rest.startsWith("_2") && !rest.startsWith("_2006")) {
            pad(out, t.getDayOfMonth(), 2, ' ');
            return 2;
        }
        String[] zeroPadded = {"01", "02", "03", "04", "05", "06", "15"};
        for (String element : zeroPadded) {
            if (rest.startsWith(element)) {
                int value = switch (element) {
                    case "01" -> t.getMonthValue();
                    case "02" -> t.getDayOfMonth();
                    case "03" -> hour12;
                    case "04" -> t.getMinute();
                    case "05" -> t.getSecond();
                    case "06" -> Math.floorMod(t.getYear(), 100);
                    default -> t.getHour();
                };
                pad(out, value, 2, '0');
                return 2;
            }
        }
        if (rest.startsWith("PM")) {
            out.append(t.getHour() >= 12 ? "PM" : "AM");
            return 2;
        }
        if (rest.startsWith("pm")) {
            out.append(t.getHour() >= 12 ? "pm" : "am");
            return 2;
        }
        for (String zone : new String[] {"Z07:00:00", "-07:00:00", "Z070000", "-070000", "Z07:00", "-07:00", "Z0700",
                "-0700", "Z07", "-07"}) {
            if (rest.startsWith(zone)) {
                if (zone.startsWith("Z")) {
                    out.append('Z');
                } else {
                    out.append(zone.contains(":") ? zone.length() > 6 ? "+00:00:00" : "+00:00"
                            : zone.length() == 7 ? "+000000" : zone.length() == 5 ? "+0000" : "+00");
                }
                return zone.length();
            }
        }
        int fraction = fractionLength(rest);
        if (fraction > 0) {
            appendFractionElement(out, rest.charAt(1), fraction - 1, nanos, rest.charAt(0));
            return fraction;
        }
        char c = rest.charAt(0);
        if (c >= '1' && c <= '5') {
            int value = switch (c) {
                case '1' -> t.getMonthValue();
                case '2' -> t.getDayOfMonth();
                case '3' -> hour12;
                case '4' -> t.getMinute();
                default -> t.getSecond();
            };
            out.append(value);
            return 1;
        }
        return 0;
    }

    /** The length of a ".000" or ".999" (or comma) fraction element at the start of {@code rest}, or 0. */
    private static int fractionLength(String rest) {
        if (rest.length() < 2 || (rest.charAt(0) != '.' && rest.charAt(0) != ',')
                || (rest.charAt(1) != '0' && rest.charAt(1) != '9')) {
            return 0;
        }
        char digit = rest.charAt(1);
        int j = 1;
        while (j < rest.length() && rest.charAt(j) == digit) {
            j++;
        }
        if (j < rest.length() && rest.charAt(j) >= '0' && rest.charAt(j) <= '9') {
            return 0;
        }
        return j;
    }

    private static void appendFractionElement(StringBuilder out, char kind, int digits, int nanos, char separator) {
        String nine = String.format(Locale.ROOT, "%09d", nanos).substring(0, Math.min(9, digits));
        if (kind == '0') {
            out.append(separator).append(nine);
            for (int k = 9; k < digits; k++) {
                out.append('0');
            }
            return;
        }
        int end = nine.length();
        while (end > 0 && nine.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0) {
            out.append(separator).append(nine, 0, end);
        }
    }

    private static void appendYear(StringBuilder out, int year) {
        if (year < 0) {
            out.append('-');
        }
        pad(out, Math.abs(year), 4, '0');
    }

    private static void pad(StringBuilder out, int value, int width, char padding) {
        String s = Integer.toString(value);
        for (int k = s.length(); k < width; k++) {
            out.append(padding);
        }
        out.append(s);
    }
}
