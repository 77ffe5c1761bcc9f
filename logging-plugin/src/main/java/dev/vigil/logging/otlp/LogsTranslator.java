package dev.vigil.logging.otlp;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.logging.Masker;
import dev.vigil.otlp.AnyValues;
import dev.vigil.otlp.OtlpEncoding;
import dev.vigil.otlp.OtlpRequestDecoder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OTLP log records as Vigil's: attributes and bodies as text ({@link AnyValues}), the time from
 * {@code time_unix_nano}, else {@code observed_time_unix_nano}, else the time of receipt; the severity from
 * {@code severity_number}, else from a recognised {@code severity_text}, else {@code INFO}; and every text passed
 * through the {@link Masker} before anything stores it.
 */
final class LogsTranslator {

    private final Masker masker;
    private final Clock clock;

    LogsTranslator(Masker masker, Clock clock) {
        this.masker = masker;
        this.clock = clock;
    }

    List<LogRecord> translate(ExportLogsServiceRequest request, OtlpEncoding encoding) {
        List<LogRecord> out = new ArrayList<>();
        Instant now = clock.instant();
        long received = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            Map<String, String> resource = masker.maskValues(AnyValues.toMap(resourceLogs.getResource().getAttributesList()));
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                String scope = scopeLogs.getScope().getName();
                for (io.opentelemetry.proto.logs.v1.LogRecord record : scopeLogs.getLogRecordsList()) {
                    out.add(translate(record, resource, scope, received, encoding));
                }
            }
        }
        return out;
    }

    private LogRecord translate(io.opentelemetry.proto.logs.v1.LogRecord record, Map<String, String> resource, String scope,
            long received, OtlpEncoding encoding) {
        long time = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano()
                : record.getObservedTimeUnixNano() != 0 ? record.getObservedTimeUnixNano() : received;
        String severityText = record.getSeverityText();
        Severity severity = Severity.ofNumber(record.getSeverityNumberValue())
                .or(() -> Severity.parse(severityText))
                .orElse(Severity.INFO);
        return new LogRecord(time, severity, severityText, masker.mask(AnyValues.text(record.getBody())), resource, scope,
                masker.maskValues(AnyValues.toMap(record.getAttributesList())),
                OtlpRequestDecoder.hexId(record.getTraceId().toByteArray(), 16, encoding),
                OtlpRequestDecoder.hexId(record.getSpanId().toByteArray(), 8, encoding));
    }
}
