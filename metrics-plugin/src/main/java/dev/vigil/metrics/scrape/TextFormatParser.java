package dev.vigil.metrics.scrape;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricType;
import java.util.ArrayList;
import java.util.List;

/**
 * The Prometheus text format 0.0.4: {@code # HELP} and {@code # TYPE} lines, other comments ignored, blank
 * lines allowed, blanks between tokens, timestamps in integer milliseconds.
 */
final class TextFormatParser implements ExpositionParser {

    @Override
    public Exposition parse(String body) throws ParseException {
        List<ParsedSample> samples = new ArrayList<>();
        MetadataCollector metadata = new MetadataCollector();
        int number = 0;
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            number++;
            String line = body.substring(start, end > start && body.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            LineCursor cursor = new LineCursor(line, number);
            cursor.skipBlanks();
            if (cursor.atEnd()) {
                continue;
            }
            if (cursor.peek() == '#') {
                comment(cursor, metadata);
            } else {
                samples.add(sample(cursor));
            }
        }
        return new Exposition(samples, metadata.result());
    }

    private static void comment(LineCursor cursor, MetadataCollector metadata) throws ParseException {
        cursor.consume("#");
        cursor.skipBlanks();
        boolean help = cursor.consume("HELP");
        boolean type = !help && cursor.consume("TYPE");
        if (!help && !type || cursor.skipBlanks() == 0 && !cursor.atEnd()) {
            return; // an ordinary comment
        }
        String family = cursor.metricName();
        if (help) {
            if (!cursor.atEnd() && cursor.skipBlanks() == 0) {
                throw cursor.fail("expected a blank after the metric name in HELP, got " + cursor.describeHere());
            }
            metadata.help(family, MetadataCollector.unescapeHelp(cursor.rest(), false));
            return;
        }
        if (cursor.skipBlanks() == 0) {
            throw cursor.fail("expected a blank and a type after the metric name in TYPE, got " + cursor.describeHere());
        }
        String name = cursor.token();
        cursor.skipBlanks();
        if (!cursor.atEnd()) {
            throw cursor.fail("unexpected text after the type: " + cursor.describeHere());
        }
        MetricType metricType = switch (name) {
            case "counter" -> MetricType.COUNTER;
            case "gauge" -> MetricType.GAUGE;
            case "histogram" -> MetricType.HISTOGRAM;
            case "summary" -> MetricType.SUMMARY;
            case "untyped" -> MetricType.UNKNOWN;
            default -> throw cursor.fail("invalid metric type \"" + name + "\"");
        };
        if (metadata.hasType(family)) {
            throw cursor.fail("second TYPE line for metric " + family);
        }
        metadata.type(family, metricType);
    }

    private static ParsedSample sample(LineCursor cursor) throws ParseException {
        Labels.Builder labels = Labels.builder();
        labels.set(Labels.METRIC_NAME, cursor.metricName());
        int blanks = cursor.skipBlanks();
        if (!cursor.atEnd() && cursor.peek() == '{') {
            cursor.labels(labels, true);
            blanks = cursor.skipBlanks();
        }
        if (blanks == 0 || cursor.atEnd()) {
            throw cursor.fail("expected a blank and a value after the metric, got " + cursor.describeHere());
        }
        double value = cursor.value("value");
        Long timestamp = null;
        cursor.skipBlanks();
        if (!cursor.atEnd()) {
            timestamp = cursor.millis(cursor.token());
            cursor.skipBlanks();
            if (!cursor.atEnd()) {
                throw cursor.fail("unexpected text after the timestamp: " + cursor.describeHere());
            }
        }
        return new ParsedSample(labels.build(), value, timestamp);
    }
}
