package dev.vigil.benchmarks.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /api/v1/query} or {@code /api/v1/query_range}, read with a streaming parser into
 * primitive arrays (a range answer can hold millions of points), so that two servers' answers can be
 * compared. Immutable.
 *
 * @param resultType {@code vector}, {@code matrix}, {@code scalar} or {@code string}; for an error, {@code error}
 * @param series each series by its labels written in name order ({@code {a="1", b="2"}}; {@code {}} for a scalar)
 * @param error the error type and message when the status is not {@code success}, else null
 */
record ApiResult(String resultType, Map<String, Points> series, @Nullable String error) {

    private static final JsonFactory JSON = new JsonFactory();
    /** The relative error allowed between two servers' values. */
    static final double EPSILON = 1e-6;

    /** Checks and copies. */
    ApiResult {
        requireNonNull(resultType, "resultType is null");
        series = Map.copyOf(series);
    }

    /**
     * The points of one series, in time order.
     *
     * @param timestamps milliseconds since the epoch
     * @param values the values
     */
    record Points(long[] timestamps, double[] values) {
        Points {
            requireNonNull(timestamps, "timestamps is null");
            requireNonNull(values, "values is null");
        }
    }

    /** How many points there are in all. */
    long pointCount() {
        return series.values().stream().mapToLong(p -> p.timestamps().length).sum();
    }

    /**
     * Reads a response body.
     *
     * @throws IOException if it is not the JSON of Prometheus's query API
     */
    static ApiResult parse(byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            String status = "";
            String errorType = "";
            String error = "";
            ApiResult data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> status = p.getText();
                    case "errorType" -> errorType = p.getText();
                    case "error" -> error = p.getText();
                    case "data" -> data = data(p);
                    default -> p.skipChildren();
                }
            }
            if (!status.equals("success")) {
                return new ApiResult("error", Map.of(), errorType + ": " + error);
            }
            if (data == null) {
                throw new IOException("a successful answer without data");
            }
            return data;
        }
    }

    private static ApiResult data(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, p);
        String type = "";
        Map<String, Points> series = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("resultType")) {
                type = p.getText();
            } else if (field.equals("result")) {
                result(p, series);
            } else {
                p.skipChildren();
            }
        }
        return new ApiResult(type, series, null);
    }

    /** Reads {@code result}: an array of series objects, or one {@code [time, "value"]} pair for a scalar or string. */
    private static void result(JsonParser p, Map<String, Points> into) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, p);
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT && first != JsonToken.END_ARRAY) {
            // a scalar or a string: [time, "value"]
            long time = millis(p);
            p.nextToken();
            into.put("{}", new Points(new long[] {time}, new double[] {value(p.getText())}));
            expect(p.nextToken(), JsonToken.END_ARRAY, p);
            return;
        }
        for (JsonToken t = first; t == JsonToken.START_OBJECT; t = p.nextToken()) {
            String labels = "{}";
            Points points = new Points(new long[0], new double[0]);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "metric" -> labels = labels(p);
                    case "value" -> points = pairs(p, true);
                    case "values" -> points = pairs(p, false);
                    default -> p.skipChildren();
                }
            }
            into.put(labels, points);
        }
    }

    private static String labels(JsonParser p) throws IOException {
        Map<String, String> labels = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            labels.put(name, p.getText());
        }
        StringBuilder out = new StringBuilder("{");
        labels.forEach((name, value) -> out.append(out.length() > 1 ? ", " : "").append(name).append("=\"").append(value).append('"'));
        return out.append('}').toString();
    }

    /** Reads one {@code [time, "value"]} pair when {@code single}, else an array of them. */
    private static Points pairs(JsonParser p, boolean single) throws IOException {
        long[] times = new long[single ? 1 : 64];
        double[] values = new double[times.length];
        int n = 0;
        if (!single) {
            expect(p.currentToken(), JsonToken.START_ARRAY, p);
            p.nextToken();
        }
        while (p.currentToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            times[n] = millis(p);
            p.nextToken();
            values[n] = value(p.getText());
            n++;
            expect(p.nextToken(), JsonToken.END_ARRAY, p);
            if (single) {
                break;
            }
            p.nextToken();
        }
        return new Points(Arrays.copyOf(times, n), Arrays.copyOf(values, n));
    }

    private static long millis(JsonParser p) throws IOException {
        return p.getDecimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static void expect(@Nullable JsonToken actual, JsonToken wanted, JsonParser p) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + " but found " + actual + " at " + p.currentLocation());
        }
    }

    /**
     * How this answer differs from {@code other}: null when both have the same type, the same series with the
     * same timestamps, and values equal within a relative {@value #EPSILON} (NaN equal to NaN).
     */
    @Nullable String differenceFrom(ApiResult other) {
        if (error != null || other.error != null) {
            return "error: " + (error != null ? error : other.error);
        }
        if (!resultType.equals(other.resultType)) {
            return "result types " + resultType + " and " + other.resultType;
        }
        if (series.size() != other.series.size() || pointCount() != other.pointCount()) {
            return series.size() + " series / " + pointCount() + " points against " + other.series.size() + " / " + other.pointCount();
        }
        for (Map.Entry<String, Points> entry : series.entrySet()) {
            Points theirs = other.series.get(entry.getKey());
            if (theirs == null) {
                return "series " + entry.getKey() + " only on one side";
            }
            Points ours = entry.getValue();
            if (!Arrays.equals(ours.timestamps(), theirs.timestamps())) {
                return "timestamps differ for " + entry.getKey();
            }
            for (int i = 0; i < ours.values().length; i++) {
                if (!almostEqual(ours.values()[i], theirs.values()[i])) {
                    return entry.getKey() + " at " + ours.timestamps()[i] + ": " + ours.values()[i] + " against " + theirs.values()[i];
                }
            }
        }
        return null;
    }

    private static boolean almostEqual(double a, double b) {
        if ((Double.isNaN(a) && Double.isNaN(b)) || a == b) {
            return true;
        }
        double diff = Math.abs(a - b);
        double magnitude = Math.abs(a) + Math.abs(b);
        if (a == 0 || b == 0 || magnitude < Double.MIN_NORMAL) {
            return diff < EPSILON * Double.MIN_NORMAL;
        }
        return diff / Math.min(magnitude, Double.MAX_VALUE) < EPSILON;
    }
}
