package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/** Fetches a target over HTTP as Prometheus 2.42 does: its Accept header, gzip, a timeout header and limit. */
final class HttpTargetSource implements TargetSource {

    /** OpenMetrics first, then the text format, as Prometheus 2.42 asks when native histograms are off. */
    static final String ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    static final String USER_AGENT = "Vigil-Scraper";

    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final URI uri;
    private final Duration timeout;
    private final long bodyLimit;
    private final HttpRequest request;

    HttpTargetSource(HttpClient client, ScheduledExecutorService timer, String url, Duration timeout, long bodyLimit) {
        this.client = requireNonNull(client, "client is null");
        this.timer = requireNonNull(timer, "timer is null");
        this.uri = URI.create(url);
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.bodyLimit = bodyLimit;
        this.request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", USER_AGENT)
                .header("X-Prometheus-Scrape-Timeout-Seconds", seconds(timeout))
                .build();
    }

    @Override
    public CompletableFuture<ScrapeBody> fetch() {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, this::bodyFor);
        CompletableFuture<ScrapeBody> result = new CompletableFuture<>();
        // The request timeout of HttpClient stops at the headers; this one covers the body too.
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.completeExceptionally(new ScrapeException(prefix() + "context deadline exceeded (timeout " + PrometheusDuration.format(timeout) + ")"))) {
                exchange.cancel(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        exchange.whenComplete((response, error) -> {
            deadline.cancel(false);
            if (error != null) {
                result.completeExceptionally(new ScrapeException(describe(error)));
                return;
            }
            try {
                result.complete(decode(response));
            } catch (ScrapeException e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((body, error) -> {
            if (error instanceof CancellationException) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return new LimitedBodySubscriber(bodyLimit);
    }

    private ScrapeBody decode(HttpResponse<byte[]> response) throws ScrapeException {
        if (response.statusCode() != 200) {
            throw new ScrapeException("server returned HTTP status " + response.statusCode());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        byte[] body = response.body();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        if (encoding.equals("gzip")) {
            body = gunzip(body);
        } else if (!encoding.isEmpty() && !encoding.equals("identity")) {
            throw new ScrapeException("unsupported Content-Encoding '" + encoding + "'");
        }
        return new ScrapeBody(new String(body, StandardCharsets.UTF_8), contentType);
    }

    private byte[] gunzip(byte[] compressed) throws ScrapeException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() + (long) n > bodyLimit) {
                    throw new ScrapeException(LimitedBodySubscriber.tooLarge(bodyLimit));
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ScrapeException("invalid gzip body: " + e.getMessage());
        }
    }

    private String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof IOException && !(cause instanceof ConnectException)
                && !(cause instanceof HttpTimeoutException)) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ScrapeException) {
            return cause.getMessage();
        }
        if (cause instanceof HttpTimeoutException) {
            return prefix() + "context deadline exceeded (timeout " + PrometheusDuration.format(timeout) + ")";
        }
        if (cause instanceof ConnectException) {
            return prefix() + "connection refused" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        String message = cause.getMessage();
        return prefix() + (message == null ? cause.getClass().getSimpleName() : message);
    }

    private String prefix() {
        return "Get \"" + uri + "\": ";
    }

    /** Seconds as Prometheus writes them in the header: {@code 10}, {@code 0.5}. */
    static String seconds(Duration duration) {
        return new java.math.BigDecimal(duration.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    }
}
