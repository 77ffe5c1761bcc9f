package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a channel talks HTTP: requests with a bounded timeout on the platform's shared client, answers read up to a
 * small limit, and the outcome mapping every HTTP channel uses — 2xx delivered; 429 and 5xx worth retrying, after
 * the {@code Retry-After} the server gave; any other status refused for good; a network failure or no answer in time
 * worth retrying. Every detail it produces passes through the channel's {@link Redactor}. Immutable and thread-safe.
 */
public final class ChannelHttp {

    /** How much of a response body is read. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** How much of a response body a delivery detail quotes. */
    static final int DETAIL_BODY_CHARS = 200;

    /** Sent as {@code User-Agent}, so that receivers can tell Vigil's requests apart. */
    public static final String USER_AGENT = "Vigil-Alerting/0.1";

    private static final Logger LOG = LoggerFactory.getLogger(ChannelHttp.class);

    private final String channel;
    private final HttpClient client;
    private final Clock clock;
    private final Duration timeout;
    private final Redactor redactor;

    /**
     * An HTTP helper for one channel.
     *
     * @param channel the channel's name, for log lines
     * @param context gives the shared client and the clock
     * @param timeout how long one request may take, answer included
     * @param redactor masks the channel's secrets in details and logs
     */
    public ChannelHttp(String channel, ChannelContext context, Duration timeout, Redactor redactor) {
        this.channel = requireNonNull(channel, "channel is null");
        this.client = requireNonNull(context.httpClient(), "context.httpClient() is null");
        this.clock = requireNonNull(context.clock(), "context.clock() is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** The channel's redactor. */
    public Redactor redactor() {
        return redactor;
    }

    /** A POST of {@code json} to {@code uri}, with the timeout, content type and user agent set. */
    public HttpRequest.Builder postJson(URI uri, byte[] json) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    }

    /** Sends {@code request} and maps the answer with {@link #classify}, or a failure with {@link #failure}. */
    public DeliveryResult send(HttpRequest request) {
        return send(request, this::classify);
    }

    /**
     * Sends {@code request} and maps the answer with {@code outcome}, for vendors whose answers need more than the
     * status (an error inside a 200); a failure is mapped with {@link #failure}.
     */
    public DeliveryResult send(HttpRequest request, Function<HttpReply, DeliveryResult> outcome) {
        try {
            return outcome.apply(exchange(request));
        } catch (IOException e) {
            return failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted();
        }
    }

    /**
     * Sends {@code request} and reads the answer, all within the timeout.
     *
     * @throws IOException if the request fails or no answer comes in time ({@link HttpTimeoutException})
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public HttpReply exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, info -> new LimitedBody(MAX_BODY_BYTES));
        try {
            HttpResponse<String> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no answer within " + Texts.formatDuration(timeout));
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    /**
     * The standard outcome of an answer: 2xx delivered; 429 and 5xx retry, after {@code Retry-After} if given;
     * anything else (1xx, 3xx, other 4xx) failed.
     */
    public DeliveryResult classify(HttpReply reply) {
        int status = reply.status();
        if (reply.isSuccess()) {
            return log(DeliveryResult.delivered("HTTP " + status));
        }
        String detail = describe(reply);
        if (status == 429 || status >= 500) {
            return retry(detail, reply);
        }
        return log(DeliveryResult.failed(detail));
    }

    /** A retry with {@code detail}, honouring the reply's {@code Retry-After}. */
    public DeliveryResult retry(String detail, HttpReply reply) {
        Optional<Duration> after = retryAfter(reply);
        String text = redactor.apply(detail);
        return log(after.map(d -> DeliveryResult.retryAfter(text + "; retry after " + Texts.formatDuration(d), d))
                .orElseGet(() -> DeliveryResult.retry(text)));
    }

    /** A permanent failure with {@code detail}, redacted. */
    public DeliveryResult failed(String detail) {
        return log(DeliveryResult.failed(redactor.apply(detail)));
    }

    /** A delivery with {@code detail}, redacted. */
    public DeliveryResult delivered(String detail) {
        return log(DeliveryResult.delivered(redactor.apply(detail)));
    }

    /** The reply's {@code Retry-After}, read against the platform's clock. */
    public Optional<Duration> retryAfter(HttpReply reply) {
        return RetryAfter.parse(reply.headers().firstValue("Retry-After").orElse(null), clock.instant());
    }

    /** {@code HTTP <status>} and the start of the body on one line, redacted. */
    public String describe(HttpReply reply) {
        String body = Texts.snippet(reply.body(), DETAIL_BODY_CHARS);
        return redactor.apply(body.isEmpty() ? "HTTP " + reply.status() : "HTTP " + reply.status() + ": " + body);
    }

    /** A network failure or timeout: worth retrying. */
    public DeliveryResult failure(IOException e) {
        String detail;
        if (e instanceof HttpTimeoutException) {
            detail = "no answer within " + Texts.formatDuration(timeout);
        } else if (e instanceof ConnectException) {
            detail = "cannot connect: " + messageOf(e);
        } else {
            detail = "request failed: " + e.getClass().getSimpleName() + ": " + messageOf(e);
        }
        return log(DeliveryResult.retry(redactor.apply(detail)));
    }

    private DeliveryResult interrupted() {
        return log(DeliveryResult.retry("interrupted while sending"));
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e.getCause() != null) {
            message = e.getCause().toString();
        }
        return message == null || message.isBlank() ? "no reason given" : Texts.snippet(message, DETAIL_BODY_CHARS);
    }

    private DeliveryResult log(DeliveryResult result) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("channel {}: {} ({})", channel, result.outcome(), result.detail());
        }
        return result;
    }
}
