package dev.vigil.logging.logql;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds log records for tests: {@code Records.at(10).service("api").body("GET /").build()}. Not thread-safe. */
public final class Records {

    private final long timeNanos;
    private Severity severity = Severity.INFO;
    private String severityText = "";
    private String body = "";
    private final Map<String, String> resource = new LinkedHashMap<>();
    private String scope = "";
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String traceId = "";
    private String spanId = "";

    private Records(long timeNanos) {
        this.timeNanos = timeNanos;
    }

    /** A record at {@code seconds} after the epoch. */
    public static Records at(double seconds) {
        return new Records(Math.round(seconds * 1e9));
    }

    /** A record at {@code nanos} after the epoch. */
    public static Records atNanos(long nanos) {
        return new Records(nanos);
    }

    public Records service(String name) {
        resource.put("service.name", name);
        return this;
    }

    public Records resource(String name, String value) {
        resource.put(name, value);
        return this;
    }

    public Records body(String text) {
        this.body = text;
        return this;
    }

    public Records severity(Severity value) {
        this.severity = value;
        return this;
    }

    public Records severityText(String text) {
        this.severityText = text;
        return this;
    }

    public Records scope(String logger) {
        this.scope = logger;
        return this;
    }

    public Records attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public Records trace(String trace, String span) {
        this.traceId = trace;
        this.spanId = span;
        return this;
    }

    public LogRecord build() {
        return new LogRecord(timeNanos, severity, severityText, body, resource, scope, attributes, traceId, spanId);
    }
}
