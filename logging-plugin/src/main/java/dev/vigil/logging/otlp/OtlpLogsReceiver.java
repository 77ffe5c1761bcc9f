package dev.vigil.logging.otlp;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.LogSink;
import dev.vigil.logging.Masker;
import dev.vigil.otlp.OtlpCalls;
import dev.vigil.otlp.OtlpEncoding;
import dev.vigil.otlp.OtlpRequestDecoder;
import dev.vigil.otlp.RequestRefusedException;
import dev.vigil.otlp.RpcStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/logs} of OTLP/HTTP: takes an {@code ExportLogsServiceRequest} in protobuf
 * ({@code application/x-protobuf}) or OTLP JSON ({@code application/json}), optionally gzip-compressed, masks it and
 * hands its records to the {@link LogSink} in one batch.
 *
 * <p>Answers as the OTLP/HTTP specification says, in the request's encoding: 200 with an
 * {@code ExportLogsServiceResponse}; 400 for a malformed body, 413 for a body larger than
 * {@link OtlpLogsSettings#maxDecompressedBytes()} once decompressed, 415 for another content type or encoding, and
 * 503 (retryable) when the store cannot take the batch; errors carry a {@code google.rpc.Status}. A refused request
 * stores nothing, and what was stored before is untouched.
 *
 * <p>Meters: {@code vigil.otlp.logs.requests} by {@code outcome} (success, bad_request, too_large,
 * unsupported_media_type, unavailable) and {@code vigil.otlp.logs.records.accepted}. Thread-safe.
 */
public final class OtlpLogsReceiver implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OtlpLogsReceiver.class);

    private final LogSink sink;
    private final MeterRegistry meters;
    private final OtlpRequestDecoder decoder;
    private final LogsTranslator translator;
    private final Counter accepted;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final AtomicBoolean storeFailureLogged = new AtomicBoolean();

    /**
     * A receiver handing records to {@code sink}.
     *
     * @param masker masks bodies and attribute values before they are stored
     * @param clock the time given to records that carry none
     */
    public OtlpLogsReceiver(LogSink sink, OtlpLogsSettings settings, Masker masker, Clock clock, MeterRegistry meters) {
        this.sink = requireNonNull(sink, "sink is null");
        requireNonNull(settings, "settings is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.decoder = new OtlpRequestDecoder(settings.maxDecompressedBytes().bytes());
        this.translator = new LogsTranslator(requireNonNull(masker, "masker is null"), requireNonNull(clock, "clock is null"));
        this.accepted = Counter.builder("vigil.otlp.logs.records.accepted")
                .description("OTLP log records stored")
                .register(meters);
        for (String outcome : new String[] {"success", "bad_request", "too_large", "unsupported_media_type", "unavailable"}) {
            requestCounter(outcome);
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        OtlpEncoding encoding = OtlpEncoding.JSON;
        List<LogRecord> records;
        try {
            encoding = OtlpCalls.encoding(exchange);
            ExportLogsServiceRequest request = OtlpCalls.read(exchange, encoding, decoder, ExportLogsServiceRequest::newBuilder);
            records = translator.translate(request, encoding);
        } catch (RequestRefusedException e) {
            requestCounter(e.outcome()).increment();
            OtlpCalls.refuse(exchange, encoding, e);
            return;
        }
        try {
            if (!records.isEmpty()) {
                sink.accept(records);
            }
        } catch (RuntimeException e) {
            if (storeFailureLogged.compareAndSet(false, true)) {
                LOG.warn("The log store could not take an OTLP request; answering 503 (logged once)", e);
            }
            requestCounter("unavailable").increment();
            OtlpCalls.respond(exchange, encoding, 503, RpcStatus.of(RpcStatus.UNAVAILABLE, "the log store could not take the request: " + e.getMessage()));
            return;
        }
        accepted.increment(records.size());
        requestCounter("success").increment();
        OtlpCalls.respond(exchange, encoding, 200, ExportLogsServiceResponse.getDefaultInstance());
    }

    private Counter requestCounter(String outcome) {
        return requests.computeIfAbsent(outcome, o -> Counter.builder("vigil.otlp.logs.requests")
                .description("OTLP logs export requests by outcome")
                .tag("outcome", o)
                .register(meters));
    }
}
