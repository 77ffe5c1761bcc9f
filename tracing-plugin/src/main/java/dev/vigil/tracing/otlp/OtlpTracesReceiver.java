package dev.vigil.tracing.otlp;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.otlp.OtlpCalls;
import dev.vigil.otlp.OtlpEncoding;
import dev.vigil.otlp.OtlpRequestDecoder;
import dev.vigil.otlp.RequestRefusedException;
import dev.vigil.otlp.RpcStatus;
import dev.vigil.tracing.SpanSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/traces} of OTLP/HTTP: takes an {@code ExportTraceServiceRequest} in protobuf
 * ({@code application/x-protobuf}) or OTLP JSON ({@code application/json}), optionally gzip-compressed, and hands its
 * spans to the {@link SpanSink} in one batch.
 *
 * <p>Answers as the OTLP/HTTP specification says, in the request's encoding: 200 with an
 * {@code ExportTraceServiceResponse}; 400 for a malformed body, 413 for a body larger than
 * {@link OtlpTracesSettings#maxDecompressedBytes()} once decompressed, 415 for another content type or encoding, and
 * 503 (retryable) when the store cannot take the batch; errors carry a {@code google.rpc.Status}. A refused request
 * stores nothing, and what was stored before is untouched. Spans that cannot be stored on their own (no valid ids, or
 * ending before they start) are left out and reported in the response's {@code partial_success}, while the others are
 * stored.
 *
 * <p>Meters: {@code vigil.otlp.traces.requests} by {@code outcome} (success, bad_request, too_large,
 * unsupported_media_type, unavailable), {@code vigil.otlp.traces.spans.accepted} and
 * {@code vigil.otlp.traces.spans.rejected}. Thread-safe.
 */
public final class OtlpTracesReceiver implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OtlpTracesReceiver.class);

    private final SpanSink sink;
    private final MeterRegistry meters;
    private final OtlpRequestDecoder decoder;
    private final SpansTranslator translator = new SpansTranslator();
    private final Counter accepted;
    private final Counter rejected;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final AtomicBoolean storeFailureLogged = new AtomicBoolean();

    /** A receiver handing spans to {@code sink}. */
    public OtlpTracesReceiver(SpanSink sink, OtlpTracesSettings settings, MeterRegistry meters) {
        this.sink = requireNonNull(sink, "sink is null");
        requireNonNull(settings, "settings is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.decoder = new OtlpRequestDecoder(settings.maxDecompressedBytes().bytes());
        this.accepted = Counter.builder("vigil.otlp.traces.spans.accepted")
                .description("OTLP spans stored")
                .register(meters);
        this.rejected = Counter.builder("vigil.otlp.traces.spans.rejected")
                .description("OTLP spans left out of an accepted request because they could not be stored")
                .register(meters);
        for (String outcome : new String[] {"success", "bad_request", "too_large", "unsupported_media_type", "unavailable"}) {
            requestCounter(outcome);
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        OtlpEncoding encoding = OtlpEncoding.JSON;
        SpansTranslator.Translation translation;
        try {
            encoding = OtlpCalls.encoding(exchange);
            ExportTraceServiceRequest request = OtlpCalls.read(exchange, encoding, decoder, ExportTraceServiceRequest::newBuilder);
            translation = translator.translate(request, encoding);
        } catch (RequestRefusedException e) {
            requestCounter(e.outcome()).increment();
            OtlpCalls.refuse(exchange, encoding, e);
            return;
        }
        try {
            if (!translation.spans().isEmpty()) {
                sink.accept(translation.spans());
            }
        } catch (RuntimeException e) {
            if (storeFailureLogged.compareAndSet(false, true)) {
                LOG.warn("The trace store could not take an OTLP request; answering 503 (logged once)", e);
            }
            requestCounter("unavailable").increment();
            OtlpCalls.respond(exchange, encoding, 503,
                    RpcStatus.of(RpcStatus.UNAVAILABLE, "the trace store could not take the request: " + e.getMessage()));
            return;
        }
        accepted.increment(translation.spans().size());
        requestCounter("success").increment();
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (translation.rejected() > 0) {
            rejected.increment(translation.rejected());
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(translation.rejected())
                    .setErrorMessage(translation.rejected() + " span(s) rejected; the first: " + translation.firstRejection()));
        }
        OtlpCalls.respond(exchange, encoding, 200, response.build());
    }

    private Counter requestCounter(String outcome) {
        return requests.computeIfAbsent(outcome, o -> Counter.builder("vigil.otlp.traces.requests")
                .description("OTLP traces export requests by outcome")
                .tag("outcome", o)
                .register(meters));
    }
}
