package dev.vigil.tracing.zipkin;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.tracing.SpanSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v2/spans} of Zipkin's API: takes a Zipkin v2 JSON list of spans, optionally gzip-compressed, maps it
 * with {@link ZipkinSpanReader} and hands the spans to the {@link SpanSink} in one batch.
 *
 * <p>Answers as a Zipkin server does, with a plain-text reason on errors: 202 when the spans are taken (an empty body
 * or list included); 400 for a body that is not a valid list of spans (the whole body is refused and nothing of it is
 * stored) or not valid gzip; 413 for a body larger than {@link ZipkinSettings#maxDecompressedBytes()} once
 * decompressed; 415 for Zipkin's protobuf and Thrift encodings, which are not read here, and for a content encoding
 * other than gzip; 503 when the store cannot take the batch, so that the sender may retry. Any other content type is
 * read as JSON, as Zipkin does.
 *
 * <p>Meters: {@code vigil.zipkin.requests} by {@code outcome} (success, bad_request, too_large,
 * unsupported_media_type, unavailable) and {@code vigil.zipkin.spans.accepted}. Thread-safe.
 */
public final class ZipkinCollector implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ZipkinCollector.class);

    private final SpanSink sink;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxBytes;
    private final Counter accepted;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final AtomicBoolean storeFailureLogged = new AtomicBoolean();

    /**
     * A collector handing spans to {@code sink}.
     *
     * @param clock the time given to spans that carry none
     */
    public ZipkinCollector(SpanSink sink, ZipkinSettings settings, Clock clock, MeterRegistry meters) {
        this.sink = requireNonNull(sink, "sink is null");
        this.maxBytes = (int) requireNonNull(settings, "settings is null").maxDecompressedBytes().bytes();
        this.clock = requireNonNull(clock, "clock is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.accepted = Counter.builder("vigil.zipkin.spans.accepted")
                .description("Zipkin spans stored")
                .register(meters);
        for (String outcome : new String[] {"success", "bad_request", "too_large", "unsupported_media_type", "unavailable"}) {
            requestCounter(outcome);
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        String contentType = exchange.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-protobuf") || contentType.startsWith("application/x-thrift")) {
            refuse(exchange, 415, "unsupported_media_type", "Content-Type " + contentType
                    + " is not supported; send Zipkin v2 JSON (application/json)");
            return;
        }
        String coding = exchange.header("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        byte[] body;
        switch (coding) {
            case "", "identity" -> {
                body = exchange.body();
                if (body.length > maxBytes) {
                    refuseTooLarge(exchange);
                    return;
                }
            }
            case "gzip", "x-gzip" -> {
                try {
                    body = gunzip(exchange.body());
                } catch (TooLargeException e) {
                    refuseTooLarge(exchange);
                    return;
                } catch (IOException e) {
                    refuse(exchange, 400, "bad_request", "Cannot gunzip spans");
                    return;
                }
            }
            default -> {
                refuse(exchange, 415, "unsupported_media_type", "Content-Encoding " + coding + " is not supported; send gzip or no encoding");
                return;
            }
        }
        List<SpanRecord> spans;
        try {
            Instant now = clock.instant();
            spans = ZipkinSpanReader.readList(body, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        } catch (IllegalArgumentException e) {
            refuse(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        try {
            if (!spans.isEmpty()) {
                sink.accept(spans);
            }
        } catch (RuntimeException e) {
            if (storeFailureLogged.compareAndSet(false, true)) {
                LOG.warn("The trace store could not take a Zipkin request; answering 503 (logged once)", e);
            }
            refuse(exchange, 503, "unavailable", "the trace store could not take the spans: " + e.getMessage());
            return;
        }
        accepted.increment(spans.size());
        requestCounter("success").increment();
        exchange.respond(202, "text/plain; charset=utf-8", new byte[0]);
    }

    private void refuseTooLarge(HttpExchange exchange) {
        refuse(exchange, 413, "too_large", "the request body is larger than " + maxBytes
                + " bytes once decompressed (the Zipkin API's maxDecompressedBytes)");
    }

    private void refuse(HttpExchange exchange, int status, String outcome, String message) {
        requestCounter(outcome).increment();
        exchange.text(status, message);
    }

    private byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(1024, body.length * 4)));
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new TooLargeException();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private Counter requestCounter(String outcome) {
        return requests.computeIfAbsent(outcome, o -> Counter.builder("vigil.zipkin.requests")
                .description("Zipkin span uploads by outcome")
                .tag("outcome", o)
                .register(meters));
    }

    /** The decompressed body passed the cap. */
    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("too large", null);
        }
    }
}
