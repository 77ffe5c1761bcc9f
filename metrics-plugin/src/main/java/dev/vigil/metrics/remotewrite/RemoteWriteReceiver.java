package dev.vigil.metrics.remotewrite;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Prometheus remote write 1.0 requests (a snappy-compressed {@code prometheus.WriteRequest}) into a
 * {@link MetricStore}; the plugin serves it as {@code POST /api/v1/write}. It answers:
 * <ul>
 *   <li>204 when every sample was stored;</li>
 *   <li>400 for a request that is not snappy or not a valid message, for series whose labels break
 *       Prometheus's naming rules or that the store refuses (the other series are stored), and for samples
 *       out of order, duplicate or out of bounds (then nothing of the request is stored, as in Prometheus
 *       2.42). A 4xx tells the sender not to retry;</li>
 *   <li>413 when the request declares more than {@link ReceiverSettings#maxDecompressedBytes()};</li>
 *   <li>415 for a {@code Content-Type} or {@code Content-Encoding} other than remote write 1.0's; requests
 *       without those headers are accepted, as Prometheus accepts them;</li>
 *   <li>500 when the store cannot write, so that the sender retries.</li>
 * </ul>
 * Error bodies are one line of plain text. NaN and infinite values are stored as sent; native histograms and
 * exemplars are skipped (histograms are counted as {@code unsupported}).
 *
 * <p>Meters: {@code vigil.remote.write.received.samples} tagged {@code outcome} ({@code accepted},
 * {@code rejected}, {@code unsupported}) and {@code vigil.remote.write.requests} tagged {@code code}.
 * Thread-safe.
 */
public final class RemoteWriteReceiver implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RemoteWriteReceiver.class);
    private static final String PROTOBUF = "application/x-protobuf";
    private static final String WRITE_REQUEST_V1 = "prometheus.WriteRequest";
    private static final String TEXT = "text/plain; charset=utf-8";
    /** About 200 bytes each; beyond this many series the cache starts over. */
    private static final int SERIES_CACHE_ENTRIES = 1 << 20;
    private static final int LABEL_STRINGS = 1 << 16;
    /** As many as requests usually run at once on a small machine, and as large as a big sender's batch. */
    private static final int BODY_BUFFERS = 8;
    private static final int BODY_BUFFER_BYTES = 1 << 20;

    private final MetricStore store;
    private final ReceiverSettings settings;
    private final MeterRegistry meters;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter unsupported;
    private final Map<Integer, Counter> requests = new ConcurrentHashMap<>();
    private final AtomicBoolean storeFailureLogged = new AtomicBoolean();
    private final SeriesCache seriesCache = new SeriesCache(SERIES_CACHE_ENTRIES);
    private final LabelStrings labelStrings = new LabelStrings(LABEL_STRINGS);
    private final BodyBuffers buffers = new BodyBuffers(BODY_BUFFERS, BODY_BUFFER_BYTES);

    /**
     * A receiver that writes into {@code store}.
     *
     * @param store where samples go
     * @param settings the limits
     * @param meters where the receiver's meters are registered
     */
    public RemoteWriteReceiver(MetricStore store, ReceiverSettings settings, MeterRegistry meters) {
        this.store = requireNonNull(store, "store is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.accepted = samplesCounter("accepted");
        this.rejected = samplesCounter("rejected");
        this.unsupported = samplesCounter("unsupported");
    }

    /** Handles one remote write request; never throws for bad input, answering with a status instead. */
    @Override
    public void handle(HttpExchange exchange) {
        Outcome outcome = receive(exchange);
        requests.computeIfAbsent(outcome.status, code -> Counter.builder("vigil.remote.write.requests")
                .description("Remote write requests received, by response status")
                .tag("code", Integer.toString(code))
                .register(meters)).increment();
        if (outcome.status == 204) {
            exchange.respond(204, TEXT, new byte[0]);
        } else {
            exchange.respond(outcome.status, TEXT, (oneLine(outcome.reason) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Outcome receive(HttpExchange exchange) {
        String mediaProblem = mediaTypeProblem(exchange.header("Content-Type"), exchange.header("Content-Encoding"));
        if (mediaProblem != null) {
            return new Outcome(415, mediaProblem);
        }
        byte[] body = exchange.body();
        int length;
        try {
            length = body.length == 0 ? -1 : SnappyDecompressor.getUncompressedLength(body, 0);
        } catch (MalformedInputException | IndexOutOfBoundsException e) {
            length = -1;
        }
        if (length < 0) {
            return new Outcome(400, "the body is not snappy-compressed (block format): no valid uncompressed length");
        }
        if (length > settings.maxDecompressedBytes().bytes()) {
            return new Outcome(413, "the request decompresses to " + length + " bytes, more than the limit of "
                    + settings.maxDecompressedBytes() + " (" + settings.maxDecompressedBytes().bytes() + " bytes)");
        }
        byte[] raw = buffers.take(length);
        try {
            int written;
            try {
                written = new SnappyDecompressor().decompress(body, 0, body.length, raw, 0, length);
            } catch (MalformedInputException | IndexOutOfBoundsException e) {
                return new Outcome(400, "the body is not valid snappy (block format): " + e.getMessage());
            }
            if (written != length) {
                return new Outcome(400, "the snappy body decompresses to " + written + " bytes, not the " + length + " it declares");
            }
            return write(raw, length);
        } finally {
            buffers.give(raw);
        }
    }

    private Outcome write(byte[] raw, int length) {
        RequestWriter writer;
        try (MetricAppender appender = store.appender()) {
            writer = new RequestWriter(appender);
            try {
                new WriteRequestDecoder(seriesCache, labelStrings).decode(raw, length, writer);
            } catch (InvalidProtocolBufferException e) {
                rejected.increment(writer.decodedSamples());
                return new Outcome(400, "the body is not a valid prometheus.WriteRequest: " + e.getMessage());
            }
            unsupported.increment(writer.histograms());
            if (writer.mustRollBack()) {
                rejected.increment(writer.decodedSamples());
                return new Outcome(400, requireNonNull(writer.badRequestReason()));
            }
            appender.commit();
        } catch (RuntimeException e) {
            // the store failed, not the request: 500 makes the sender retry
            if (storeFailureLogged.compareAndSet(false, true)) {
                log.error("Cannot store remote write samples; answering 500 so that senders retry (logged once)", e);
            } else {
                log.debug("Cannot store remote write samples", e);
            }
            return new Outcome(500, "cannot store the samples: " + e.getMessage());
        }
        accepted.increment(writer.decodedSamples() - writer.skippedSamples());
        rejected.increment(writer.skippedSamples());
        String reason = writer.badRequestReason();
        return reason == null ? new Outcome(204, "") : new Outcome(400, reason);
    }

    /** What is wrong with the request's media type, or null when it is remote write 1.0 or not given. */
    static @Nullable String mediaTypeProblem(Optional<String> contentType, Optional<String> contentEncoding) {
        if (contentEncoding.isPresent() && !contentEncoding.get().isBlank()
                && !contentEncoding.get().trim().equalsIgnoreCase("snappy")) {
            return "unsupported Content-Encoding \"" + contentEncoding.get() + "\": remote write needs snappy";
        }
        if (contentType.isEmpty() || contentType.get().isBlank()) {
            return null;
        }
        String[] parts = contentType.get().split(";");
        if (!parts[0].trim().equalsIgnoreCase(PROTOBUF)) {
            return "unsupported Content-Type \"" + contentType.get() + "\": remote write needs " + PROTOBUF;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("proto")
                    && !parameter.substring(eq + 1).trim().equals(WRITE_REQUEST_V1)) {
                return "unsupported message \"" + parameter.substring(eq + 1).trim() + "\": this receiver accepts "
                        + WRITE_REQUEST_V1 + " (remote write 1.0) only";
            }
        }
        return null;
    }

    private Counter samplesCounter(String outcome) {
        return Counter.builder("vigil.remote.write.received.samples")
                .description("Samples received over remote write, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private record Outcome(int status, String reason) {}
}
