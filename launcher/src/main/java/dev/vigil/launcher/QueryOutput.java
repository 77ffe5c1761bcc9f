package dev.vigil.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the {@code data} of a Prometheus query answer as text for people: a vector as one row per series
 * with its value, a matrix as one block per series with a row per point, a scalar or a string as its value.
 */
final class QueryOutput {

    private QueryOutput() {}

    /** Prints {@code data}, the {@code {"resultType":...,"result":...}} object of a query answer. */
    static void print(PrintWriter out, JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        switch (type) {
            case "vector" -> printVector(out, result);
            case "matrix" -> printMatrix(out, result);
            case "scalar", "string" -> out.println(result.path(1).asText());
            default -> out.println(data);
        }
    }

    private static void printVector(PrintWriter out, JsonNode result) {
        if (result.isEmpty()) {
            out.println("(empty result)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERIES", "VALUE"});
        for (JsonNode sample : result) {
            rows.add(new String[] {series(sample.path("metric")), sample.path("value").path(1).asText()});
        }
        Table.print(out, rows);
    }

    private static void printMatrix(PrintWriter out, JsonNode result) {
        if (result.isEmpty()) {
            out.println("(empty result)");
            return;
        }
        boolean first = true;
        for (JsonNode series : result) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(series(series.path("metric")));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"TIME", "VALUE"});
            for (JsonNode point : series.path("values")) {
                rows.add(new String[] {time(point.path(0)), point.path(1).asText()});
            }
            Table.print(out, rows);
        }
    }

    /** A label set in PromQL's notation: {@code up{instance="a:9100", job="node"}}. */
    static String series(JsonNode metric) {
        StringBuilder text = new StringBuilder(metric.path("__name__").asText(""));
        text.append('{');
        boolean firstLabel = true;
        for (Map.Entry<String, JsonNode> label : metric.properties()) {
            if (label.getKey().equals("__name__")) {
                continue;
            }
            if (!firstLabel) {
                text.append(", ");
            }
            firstLabel = false;
            text.append(label.getKey()).append("=\"")
                    .append(label.getValue().asText().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return text.append('}').toString();
    }

    /** A point's time, given as Unix seconds, in RFC 3339 (UTC). */
    private static String time(JsonNode seconds) {
        BigDecimal millis = new BigDecimal(seconds.asText()).movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        return Instant.ofEpochMilli(millis.longValueExact()).toString();
    }
}
