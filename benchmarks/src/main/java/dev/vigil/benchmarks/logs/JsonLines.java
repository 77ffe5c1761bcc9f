package dev.vigil.benchmarks.logs;

import dev.vigil.api.logs.LogRecord;
import java.util.Map;

/**
 * Writes a record as one JSON object a line, shaped like the logstash encoder's lines with the resource added:
 * {@code @timestamp}, {@code level}, {@code service.name} and the other resource attributes, {@code logger_name},
 * {@code trace_id} and {@code span_id} when the record has them, {@code message}, then the record's attributes (a
 * stack trace is one escaped string, so every record is one line). Stateless.
 */
final class JsonLines {

    private JsonLines() {}

    /** Appends {@code record} to {@code out}, without the line end. */
    static void append(LogRecord record, StringBuilder out) {
        out.append("{\"@timestamp\":\"").append(record.time()).append("\",\"level\":\"").append(record.severity().name())
                .append("\",\"").append(LogRecord.SERVICE_NAME).append("\":\"");
        escape(record.service(), out);
        out.append('"');
        for (Map.Entry<String, String> e : record.resource().entrySet()) {
            if (!e.getKey().equals(LogRecord.SERVICE_NAME)) {
                field(e.getKey(), e.getValue(), out);
            }
        }
        field("logger_name", record.scope(), out);
        if (!record.traceId().isEmpty()) {
            field("trace_id", record.traceId(), out);
            field("span_id", record.spanId(), out);
        }
        field("message", record.body(), out);
        for (Map.Entry<String, String> e : record.attributes().entrySet()) {
            field(e.getKey(), e.getValue(), out);
        }
        out.append('}');
    }

    private static void field(String name, String value, StringBuilder out) {
        out.append(",\"");
        escape(name, out);
        out.append("\":\"");
        escape(value, out);
        out.append('"');
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
