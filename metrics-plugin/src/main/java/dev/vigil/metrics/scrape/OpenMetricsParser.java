package dev.vigil.metrics.scrape;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenMetrics 1.0 text: single spaces between tokens, {@code # TYPE}, {@code # HELP} and {@code # UNIT} lines
 * and no other comments, timestamps in seconds with a fraction, exemplars after {@code " # "} (skipped), and
 * a final {@code # EOF}. As in Prometheus 2.42, the {@code _created} samples of counters, histograms and
 * summaries are dropped.
 */
final class OpenMetricsParser implements ExpositionParser {

    private static final String EOF = "# EOF";

    @Override
    public Exposition parse(String body) throws ParseException {
        List<ParsedSample> samples = new ArrayList<>();
        MetadataCollector metadata = new MetadataCollector();
        Set<String> closedFamilies = new HashSet<>();
        String family = null;
        MetricType familyType = MetricType.UNKNOWN;
        int number = 0;
        int start = 0;
        boolean eof = false;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            number++;
            String line = body.substring(start, end > start && body.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (eof) {
                throw new ParseException(number, "unexpected content after # EOF");
            }
            if (line.equals(EOF)) {
                eof = true;
                continue;
            }
            LineCursor cursor = new LineCursor(line, number);
            if (line.isEmpty()) {
                throw cursor.fail("empty line (not allowed in OpenMetrics)");
            }
            if (line.charAt(0) == '#') {
                String described = descriptor(cursor, metadata);
                if (!described.equals(family)) {
                    if (family != null) {
                        closedFamilies.add(family);
                    }
                    if (closedFamilies.contains(described)) {
                        throw cursor.fail("metadata for metric family " + described + " after its samples were interleaved with another family");
                    }
                    family = described;
                }
                familyType = metadata.result().get(family).type();
                continue;
            }
            ParsedSample sample = sample(cursor);
            if (family != null && isCreated(sample.labels().metricName(), family, familyType)) {
                continue;
            }
            samples.add(sample);
        }
        if (!eof) {
            throw new ParseException(number + 1, "missing # EOF at the end of the body (required in OpenMetrics)");
        }
        return new Exposition(samples, metadata.result());
    }

    /** Reads a TYPE, HELP or UNIT line and returns the family it describes. */
    private static String descriptor(LineCursor cursor, MetadataCollector metadata) throws ParseException {
        String kind;
        if (cursor.consume("# TYPE ")) {
            kind = "TYPE";
        } else if (cursor.consume("# HELP ")) {
            kind = "HELP";
        } else if (cursor.consume("# UNIT ")) {
            kind = "UNIT";
        } else {
            throw cursor.fail("expected # TYPE, # HELP, # UNIT or # EOF, got " + cursor.describeHere());
        }
        String family = cursor.metricName();
        if (!cursor.consume(" ")) {
            if (cursor.atEnd() && !kind.equals("TYPE")) {
                setText(metadata, kind, family, "");
                return family;
            }
            throw cursor.fail("expected a space after the metric family name, got " + cursor.describeHere());
        }
        if (kind.equals("TYPE")) {
            String name = cursor.rest();
            MetricType type = switch (name) {
                case "counter" -> MetricType.COUNTER;
                case "gauge" -> MetricType.GAUGE;
                case "histogram" -> MetricType.HISTOGRAM;
                case "gaugehistogram" -> MetricType.GAUGE_HISTOGRAM;
                case "summary" -> MetricType.SUMMARY;
                case "info" -> MetricType.INFO;
                case "stateset" -> MetricType.STATESET;
                case "unknown" -> MetricType.UNKNOWN;
                default -> throw cursor.fail("invalid metric type \"" + name + "\"");
            };
            if (metadata.hasType(family)) {
                throw cursor.fail("second TYPE line for metric family " + family);
            }
            metadata.type(family, type);
        } else {
            setText(metadata, kind, family, cursor.rest());
        }
        return family;
    }

    private static void setText(MetadataCollector metadata, String kind, String family, String text) {
        if (kind.equals("HELP")) {
            metadata.help(family, MetadataCollector.unescapeHelp(text, true));
        } else {
            metadata.unit(family, text);
        }
    }

    private static ParsedSample sample(LineCursor cursor) throws ParseException {
        Labels.Builder labels = Labels.builder();
        labels.set(Labels.METRIC_NAME, cursor.metricName());
        if (!cursor.atEnd() && cursor.peek() == '{') {
            cursor.labels(labels, false);
        }
        if (!cursor.consume(" ")) {
            throw cursor.fail("expected a space and a value after the metric, got " + cursor.describeHere());
        }
        double value = cursor.value("value");
        Long timestamp = null;
        if (!cursor.atEnd()) {
            if (!cursor.consume(" ")) {
                throw cursor.fail("expected a single space after the value, got " + cursor.describeHere());
            }
            if (!cursor.consume("# ")) {
                timestamp = cursor.secondsAsMillis(cursor.token());
                if (!cursor.atEnd() && !cursor.consume(" # ")) {
                    throw cursor.fail("expected an exemplar (\" # \") after the timestamp, got " + cursor.describeHere());
                }
            }
        }
        // What remains, if anything, is an exemplar, which is not stored.
        return new ParsedSample(labels.build(), value, timestamp);
    }

    private static boolean isCreated(String metric, @Nullable String family, MetricType type) {
        return family != null
                && (type == MetricType.COUNTER || type == MetricType.HISTOGRAM || type == MetricType.SUMMARY)
                && metric.equals(family + "_created");
    }
}
