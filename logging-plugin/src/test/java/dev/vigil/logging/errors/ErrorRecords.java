package dev.vigil.logging.errors;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Error log records as a logging pipeline makes them, with OpenTelemetry's exception attributes. */
final class ErrorRecords {

    private ErrorRecords() {}

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** A record of {@code t} at {@code time} from {@code service}, with more attributes in pairs. */
    static LogRecord of(Throwable t, Instant time, String service, String... attributes) {
        return record(t.getClass().getName(), t.getMessage() == null ? "" : t.getMessage(), stackTrace(t), time, service, attributes);
    }

    static LogRecord record(String type, String message, String stackTrace, Instant time, String service, String... attributes) {
        Map<String, String> attrs = new HashMap<>();
        attrs.put("exception.type", type);
        if (!message.isEmpty()) {
            attrs.put("exception.message", message);
        }
        if (!stackTrace.isEmpty()) {
            attrs.put("exception.stacktrace", stackTrace);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            attrs.put(attributes[i], attributes[i + 1]);
        }
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        return new LogRecord(nanos, Severity.ERROR, "ERROR", "request failed", Map.of("service.name", service), "com.example.Handler", attrs,
                "", "");
    }
}
