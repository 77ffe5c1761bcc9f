package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Turns the platform's events into log records, as OpenTelemetry's Logback appender would: the resource names the
 * service, host and process instance; the scope is the logger; the attributes are the thread, the caller's MDC, the
 * key/value pairs (which win over an MDC entry of the same name), the plugin as {@code vigil.plugin}, and the
 * exception as {@code exception.type}, {@code exception.message} and {@code exception.stacktrace}. Caller data
 * ({@code code.*}) is left out: finding it walks the stack for every event. Thread-safe.
 */
final class RecordConverter {

    static final String THREAD_NAME = "thread.name";
    static final String PLUGIN = "vigil.plugin";
    static final String EXCEPTION_TYPE = "exception.type";
    static final String EXCEPTION_MESSAGE = "exception.message";
    static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    private final Map<String, String> resource;

    RecordConverter(String serviceName, HostInfo host) {
        requireNonNull(serviceName, "serviceName is null");
        this.resource = Map.of(
                LogRecord.SERVICE_NAME, serviceName,
                "host.name", host.hostName(),
                "service.instance.id", host.instanceId());
    }

    /** The resource attributes every record carries. */
    Map<String, String> resource() {
        return resource;
    }

    LogRecord convert(RedactedEvent event) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(THREAD_NAME, event.getThreadName());
        attributes.putAll(event.callerMdc());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        for (KeyValuePair p : pairs) {
            attributes.put(p.key, String.valueOf(p.value));
        }
        if (!event.plugin().isEmpty()) {
            attributes.put(PLUGIN, event.plugin());
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            attributes.put(EXCEPTION_TYPE, throwable.getClassName());
            if (throwable.getMessage() != null) {
                attributes.put(EXCEPTION_MESSAGE, throwable.getMessage());
            }
            attributes.put(EXCEPTION_STACKTRACE, StackTraces.print(throwable));
        }
        Severity severity = event.severity();
        return new LogRecord(LogFilter.nanos(event.getInstant()), severity,
                severity == Severity.FATAL ? Severity.FATAL.name() : event.getLevel().levelStr,
                event.getFormattedMessage(), resource, event.getLoggerName(), attributes,
                LogRecord.isTraceId(event.traceId()) ? event.traceId() : "", LogRecord.isSpanId(event.spanId()) ? event.spanId() : "");
    }
}
