package dev.vigil.alerting.rules.unittest;

import dev.vigil.api.metrics.StaleMarker;
import java.util.Arrays;
import java.util.Locale;

/**
 * The values of an input series in promtool's expanding notation, one per step, separated by spaces:
 * {@code a+bxn} is {@code a, a+b, …, a+n·b} ({@code n+1} values), {@code a-bxn} counts down, {@code axn} repeats
 * {@code a} {@code n+1} times, {@code _} is a missing value and {@code _xn} {@code n} of them, and {@code stale}
 * is a staleness marker. Numbers are decimal (hexadecimal is refused, as {@code 0x10} means ten more zeros), or
 * {@code Inf} and {@code NaN} with an optional sign. Native histograms ({@code {{…}}}) are not supported.
 * Immutable.
 */
final class ExpandingNotation {

    private final double[] values;
    private final boolean[] present;

    private ExpandingNotation(double[] values, boolean[] present) {
        this.values = values;
        this.present = present;
    }

    /** Whether {@code text} holds a native histogram literal. */
    static boolean hasHistogram(String text) {
        return text.contains("{{");
    }

    /**
     * The values of {@code text}.
     *
     * @throws NotationException if an item does not parse
     */
    static ExpandingNotation parse(String text) throws NotationException {
        Builder builder = new Builder();
        int column = 0;
        for (String item : text.split("\\s+", -1)) {
            int at = text.indexOf(item, column);
            column = at + item.length();
            if (!item.isEmpty()) {
                item(item, at, builder);
            }
        }
        return builder.build();
    }

    private static void item(String item, int at, Builder out) throws NotationException {
        if (item.equals("stale")) {
            out.add(StaleMarker.VALUE);
            return;
        }
        if (item.equals("_")) {
            out.skip(1);
            return;
        }
        if (item.startsWith("_x")) {
            out.skip(count(item, 2, at));
            return;
        }
        int[] pos = {0};
        double start = number(item, pos, at);
        if (pos[0] == item.length()) {
            out.add(start);
            return;
        }
        double step = 0;
        char c = item.charAt(pos[0]);
        if (c == '+' || c == '-') {
            step = number(item, pos, at);
            if (pos[0] >= item.length() || item.charAt(pos[0]) != 'x') {
                throw error(at + pos[0], "expected 'x' and a count after the increment in " + quote(item));
            }
        } else if (c != 'x') {
            throw error(at + pos[0], "unexpected " + quote(item.substring(pos[0])) + " in the value " + quote(item));
        }
        long times = count(item, pos[0] + 1, at);
        if (times > 100_000_000) {
            throw error(at, "too many repetitions in " + quote(item));
        }
        double value = start;
        for (long i = 0; i <= times; i++) {
            out.add(value);
            value += step;
        }
    }

    /** A signed decimal number, {@code Inf} or {@code NaN} at {@code pos[0]}; moves {@code pos[0]} past it. */
    private static double number(String item, int[] pos, int at) throws NotationException {
        int start = pos[0];
        int i = start;
        if (i < item.length() && (item.charAt(i) == '+' || item.charAt(i) == '-')) {
            i++;
        }
        String rest = item.substring(i).toLowerCase(Locale.ROOT);
        if (rest.startsWith("inf") || rest.startsWith("nan")) {
            pos[0] = i + 3;
            boolean negative = item.charAt(start) == '-';
            return rest.startsWith("nan") ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int digitsStart = i;
        while (i < item.length() && (Character.isDigit(item.charAt(i)) || item.charAt(i) == '.')) {
            i++;
        }
        if (i == digitsStart || item.substring(digitsStart, i).equals(".")) {
            throw error(at + start, "expected a number in " + quote(item));
        }
        if (i < item.length() && (item.charAt(i) == 'e' || item.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < item.length() && (item.charAt(e) == '+' || item.charAt(e) == '-')) {
                e++;
            }
            int expDigits = e;
            while (e < item.length() && Character.isDigit(item.charAt(e))) {
                e++;
            }
            if (e > expDigits) {
                i = e;
            }
        }
        pos[0] = i;
        try {
            return Double.parseDouble(item.substring(start, i));
        } catch (NumberFormatException e) {
            throw error(at + start, "bad number " + quote(item.substring(start, i)));
        }
    }

    private static long count(String item, int from, int at) throws NotationException {
        String digits = item.substring(Math.min(from, item.length()));
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw error(at + from, "expected a whole number of repetitions after 'x' in " + quote(item));
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error(at + from, "too many repetitions in " + quote(item));
        }
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static NotationException error(int at, String message) {
        return new NotationException("1:" + (at + 1) + ": parse error: " + message);
    }

    /** How many steps the values cover, missing ones included. */
    int size() {
        return values.length;
    }

    /** Whether step {@code i} has a value. */
    boolean isPresent(int i) {
        return present[i];
    }

    /** The value at step {@code i}; meaningful only when it is present. */
    double value(int i) {
        return values[i];
    }

    private static final class Builder {
        private double[] values = new double[16];
        private boolean[] present = new boolean[16];
        private int size;

        void add(double value) {
            grow(1);
            values[size] = value;
            present[size] = true;
            size++;
        }

        void skip(long n) throws NotationException {
            if (n > 100_000_000) {
                throw new NotationException("too many missing values: " + n);
            }
            grow((int) n);
            size += (int) n;
        }

        private void grow(int more) {
            if (size + more > values.length) {
                int capacity = Math.max(values.length * 2, size + more);
                values = Arrays.copyOf(values, capacity);
                present = Arrays.copyOf(present, capacity);
            }
        }

        ExpandingNotation build() {
            return new ExpandingNotation(Arrays.copyOf(values, size), Arrays.copyOf(present, size));
        }
    }
}
