package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.otlp.OtlpCalls;
import dev.vigil.otlp.OtlpEncoding;
import dev.vigil.otlp.OtlpRequestDecoder;
import dev.vigil.otlp.RequestRefusedException;
import dev.vigil.otlp.RpcStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/metrics} of OTLP/HTTP: takes an {@code ExportMetricsServiceRequest} in protobuf
 * ({@code application/x-protobuf}) or OTLP JSON ({@code application/json}), optionally gzip-compressed, and
 * writes its data points into a {@link MetricStore} as Prometheus series (see the package documentation).
 *
 * <p>Responses follow the OTLP/HTTP specification, in the request's encoding: 200 with an
 * {@code ExportMetricsServiceResponse}, whose {@code partial_success} counts the data points refused (by the
 * store, or because they cannot be translated) and names the first problem; 400 for a malformed body, 413 for
 * a body larger than {@link OtlpSettings#maxDecompressedBytes()} once decompressed, 415 for another content
 * type or encoding, and 503 (retryable) when the store cannot write; errors carry a {@code google.rpc.Status}.
 * The points of one request are written through one appender and committed once; a refused request writes
 * nothing.
 *
 * <p>Meters: {@code vigil.otlp.metrics.requests} by {@code outcome} (success, partial, bad_request,
 * too_large, unsupported_media_type, unavailable), {@code vigil.otlp.metrics.points.accepted},
 * {@code vigil.otlp.metrics.points.rejected} by {@code reason}, and {@code vigil.otlp.metrics.delta.evictions}
 * (running totals of delta series dropped to stay within their bound). Thread-safe.
 */
public final class OtlpMetricsReceiver implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OtlpMetricsReceiver.class);

    private final MetricStore store;
    private final MeterRegistry meters;
    private final OtlpRequestDecoder decoder;
    private final MetricsTranslator translator;
    private final DeltaAccumulator deltas;
    private final Counter accepted;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final AtomicBoolean storeFailureLogged = new AtomicBoolean();

    /**
     * A receiver writing into {@code store}.
     *
     * @param store where the series go
     * @param settings the receiver's settings
     * @param meters where the receiver's own meters are registered
     */
    public OtlpMetricsReceiver(MetricStore store, OtlpSettings settings, MeterRegistry meters) {
        this(store, settings, meters, DeltaAccumulator.DEFAULT_MAX_SERIES);
    }

    OtlpMetricsReceiver(MetricStore store, OtlpSettings settings, MeterRegistry meters, int maxDeltaSeries) {
        this.store = requireNonNull(store, "store is null");
        requireNonNull(settings, "settings is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.decoder = new OtlpRequestDecoder(settings.maxDecompressedBytes().bytes());
        this.translator = new MetricsTranslator(settings);
        this.deltas = new DeltaAccumulator(maxDeltaSeries, Counter.builder("vigil.otlp.metrics.delta.evictions")
                .description("Running totals of delta-temporality series dropped to keep within the bound")
                .register(meters));
        this.accepted = Counter.builder("vigil.otlp.metrics.points.accepted")
                .description("OTLP data points written to the metric store")
                .register(meters);
        for (String outcome : new String[] {"success", "partial", "bad_request", "too_large", "unsupported_media_type"}) {
            requestCounter(outcome);
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        OtlpEncoding encoding = OtlpEncoding.JSON;
        ExportMetricsServiceRequest request;
        try {
            encoding = OtlpCalls.encoding(exchange);
            request = OtlpCalls.read(exchange, encoding, decoder, ExportMetricsServiceRequest::newBuilder);
        } catch (RequestRefusedException e) {
            requestCounter(e.outcome()).increment();
            OtlpCalls.refuse(exchange, encoding, e);
            return;
        }
        PointWriter written;
        try {
            written = write(request);
        } catch (RuntimeException e) {
            if (storeFailureLogged.compareAndSet(false, true)) {
                LOG.warn("The metric store could not write an OTLP request; answering 503 (logged once)", e);
            }
            requestCounter("unavailable").increment();
            OtlpCalls.respond(exchange, encoding, 503, RpcStatus.of(RpcStatus.UNAVAILABLE,
                    "the metric store could not write the request: " + e.getMessage()));
            return;
        }
        accepted.increment(written.accepted());
        written.rejectedByReason().forEach((reason, count) -> rejectedCounter(reason).increment(count));
        ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
        if (written.rejected() > 0) {
            response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                    .setRejectedDataPoints(written.rejected())
                    .setErrorMessage(written.rejected() + " data point(s) rejected; first: " + written.firstError()));
            requestCounter("partial").increment();
        } else {
            requestCounter("success").increment();
        }
        OtlpCalls.respond(exchange, encoding, 200, response.build());
    }

    private PointWriter write(ExportMetricsServiceRequest request) {
        try (DeltaAccumulator.Session session = deltas.session(); MetricAppender appender = store.appender()) {
            PointWriter writer = new PointWriter(appender);
            translator.translate(request, writer, session);
            appender.commit();
            session.publish();
            return writer;
        }
    }

    private Counter requestCounter(String outcome) {
        return requests.computeIfAbsent(outcome, o -> Counter.builder("vigil.otlp.metrics.requests")
                .description("OTLP metrics export requests by outcome")
                .tag("outcome", o)
                .register(meters));
    }

    private Counter rejectedCounter(String reason) {
        return rejected.computeIfAbsent(reason, r -> Counter.builder("vigil.otlp.metrics.points.rejected")
                .description("OTLP data points not written, by reason")
                .tag("reason", r)
                .register(meters));
    }
}
