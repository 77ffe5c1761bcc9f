package dev.vigil.metrics.promql.functions;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.PositionRange;
import java.util.Arrays;

/**
 * A series written as in a conformance script's {@code load} block, such as {@code 0+10x10 _ NaN 1e100}, with a
 * sample every {@code interval} from time 0, and the {@link Window}s that the evaluator would give a range
 * function over it.
 */
final class LoadedSeries {

    static final long SECOND = 1000;
    static final long MINUTE = 60 * SECOND;

    private final long[] timestamps;
    private final double[] values;

    private LoadedSeries(long[] timestamps, double[] values) {
        this.timestamps = timestamps;
        this.values = values;
    }

    /** The series {@code spec} in the expanding notation, one value every {@code interval} milliseconds. */
    static LoadedSeries load(long interval, String spec) {
        long[] times = new long[16];
        double[] vals = new double[16];
        int size = 0;
        long slot = 0;
        for (String token : spec.trim().split("\\s+")) {
            if (token.equals("_")) {
                slot++;
                continue;
            }
            if (token.startsWith("_x")) {
                slot += Long.parseLong(token.substring(2));
                continue;
            }
            double[] expanded = expand(token);
            for (double v : expanded) {
                if (size == times.length) {
                    times = Arrays.copyOf(times, size * 2);
                    vals = Arrays.copyOf(vals, size * 2);
                }
                times[size] = slot * interval;
                vals[size] = v;
                size++;
                slot++;
            }
        }
        return new LoadedSeries(Arrays.copyOf(times, size), Arrays.copyOf(vals, size));
    }

    /** The window {@code (at - range, at]} evaluated at {@code at}. */
    Window window(long at, long range) {
        return window(at, range, 0);
    }

    /** The window of {@code [range] offset offset} evaluated at {@code at}. */
    Window window(long at, long range, long offset) {
        Window w = new Window();
        w.timestamps = timestamps;
        w.values = values;
        w.end = at - offset;
        w.start = w.end - range;
        w.evaluationTime = at;
        int from = 0;
        while (from < timestamps.length && timestamps[from] <= w.start) {
            from++;
        }
        int to = from;
        while (to < timestamps.length && timestamps[to] <= w.end) {
            to++;
        }
        w.from = from;
        w.to = to;
        w.annotations = new Annotations("f(x[1m])");
        w.position = new PositionRange(2, 7);
        return w;
    }

    /** A window over {@code values} with timestamps 0, 1s, 2s… and a range covering them all. */
    static Window of(double... values) {
        LoadedSeries series = new LoadedSeries(new long[values.length], values.clone());
        for (int i = 0; i < values.length; i++) {
            series.timestamps[i] = i * SECOND;
        }
        return series.window(Math.max(0, values.length - 1) * SECOND, values.length * SECOND + SECOND);
    }

    private static double[] expand(String token) {
        int x = token.indexOf('x');
        if (x < 0 || token.startsWith("0x")) {
            return new double[] {number(token)};
        }
        int count = Integer.parseInt(token.substring(x + 1)) + 1;
        String body = token.substring(0, x);
        int operator = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
        // A leading sign or an exponent sign is not the step operator.
        if (operator > 0 && Character.toLowerCase(body.charAt(operator - 1)) == 'e') {
            operator = -1;
        }
        double start;
        double step = 0;
        if (operator > 0) {
            start = number(body.substring(0, operator));
            step = number(body.substring(operator + 1)) * (body.charAt(operator) == '-' ? -1 : 1);
        } else {
            start = number(body);
        }
        // Repeated addition, as the script parser expands sequences.
        double[] out = new double[count];
        double value = start;
        for (int i = 0; i < count; i++) {
            out[i] = value;
            value += step;
        }
        return out;
    }

    private static double number(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Inf", "+Inf", "inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
