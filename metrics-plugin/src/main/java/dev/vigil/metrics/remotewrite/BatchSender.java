package dev.vigil.metrics.remotewrite;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts batches to one remote write endpoint: retries 5xx, 429 and I/O errors with exponential backoff (or
 * after {@code Retry-After}), and drops a batch the remote refuses with any other status. Used by one
 * thread at a time.
 */
final class BatchSender {

    private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

    private final RemoteWriteSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final ExporterMeters meters;
    private final String userAgent;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    BatchSender(RemoteWriteSettings settings, HttpClient client, Clock clock, ExporterMeters meters) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.meters = meters;
        String version = BatchSender.class.getPackage().getImplementationVersion();
        this.userAgent = "Vigil/" + (version == null ? "dev" : version);
    }

    /**
     * Sends {@code batch} until the remote takes it or refuses it for good.
     *
     * @throws InterruptedException if the thread is interrupted while sending or waiting to retry; the batch
     *     is then neither sent nor counted
     */
    void send(List<QueuedSample> batch) throws InterruptedException {
        HttpRequest request = request(WriteRequestEncoder.encode(batch));
        Duration backoff = settings.minBackoff();
        while (true) {
            Duration wait;
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                meters.send.record(Duration.ofNanos(System.nanoTime() - start));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    meters.sent.increment(batch.size());
                    long highest = Long.MIN_VALUE;
                    for (QueuedSample sample : batch) {
                        highest = Math.max(highest, sample.timestamp());
                    }
                    meters.sentUpTo(highest);
                    return;
                }
                if (status != 429 && status / 100 != 5) {
                    logOnce("status " + status, "Remote write to {} refused a batch with status {}; dropping it, and "
                            + "later batches refused with this status, without retrying: {}", settings.name(), status, firstLine(response.body()));
                    meters.failed.increment(batch.size());
                    return;
                }
                logOnce("status " + status, "Remote write to {} answered {}; retrying with backoff: {}", settings.name(), status,
                        firstLine(response.body()));
                Duration retryAfter = status == 429 ? retryAfter(response.headers().firstValue("Retry-After")) : null;
                wait = retryAfter != null ? max(retryAfter, settings.minBackoff()) : backoff;
            } catch (IOException e) {
                meters.send.record(Duration.ofNanos(System.nanoTime() - start));
                logOnce(e.getClass().getName(), "Remote write to {} failed ({}); retrying with backoff", settings.name(), e.toString());
                wait = backoff;
            }
            meters.retried.increment(batch.size());
            Thread.sleep(wait.toMillis());
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Encoding", "snappy")
                .header("Content-Type", "application/x-protobuf")
                .header("User-Agent", userAgent)
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.headers().forEach(builder::header);
        String token = settings.bearerToken();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** The delay a {@code Retry-After} header asks for, in seconds or as an HTTP date; null if absent or unreadable. */
    @Nullable Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private void logOnce(String key, String message, Object... arguments) {
        if (logged.add(key)) {
            log.warn(message, arguments);
        } else if (log.isDebugEnabled()) {
            log.debug(message, arguments);
        }
    }

    private static String firstLine(String body) {
        String line = body.strip();
        int end = line.indexOf('\n');
        line = end < 0 ? line : line.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
