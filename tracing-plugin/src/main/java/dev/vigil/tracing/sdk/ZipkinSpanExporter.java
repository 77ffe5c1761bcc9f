package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import dev.vigil.tracing.zipkin.ZipkinSpanWriter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts spans to a Zipkin server's {@code POST /api/v2/spans} as v2 JSON ({@link ZipkinSpanWriter}, the inverse of what Vigil's own Zipkin API reads), with the JDK's
 * {@link HttpClient}. A request is sent without blocking the caller; the result completes with the response: 2xx is
 * success, anything else (or no answer within the timeout) a failure. Failures are logged when they start and when
 * they end, not for every batch. There are no retries: the batch processor exports the next batch on schedule.
 *
 * <p>The client's threads are the exporter's own and end at {@link #shutdown()}. Thread-safe.
 */
final class ZipkinSpanExporter implements SpanExporter {

    private static final Logger LOG = LoggerFactory.getLogger(ZipkinSpanExporter.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final URI endpoint;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Set<CompletableResultCode> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    ZipkinSpanExporter(URI endpoint, Duration timeout) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.executor = Executors.newCachedThreadPool(daemonThreads("vigil-zipkin-export-" + INSTANCES.incrementAndGet()));
        this.client = newClient(executor, timeout);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (shutDown.get()) {
            return CompletableResultCode.ofFailure();
        }
        if (spans.isEmpty()) {
            return CompletableResultCode.ofSuccess();
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ZipkinSpanWriter.writeList(SpanConverter.convert(spans))))
                .build();
        CompletableResultCode result = new CompletableResultCode();
        inFlight.add(result);
        result.whenComplete(() -> inFlight.remove(result));
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                failed("cannot reach " + endpoint + ": " + failure, failure);
                result.failExceptionally(failure);
            } else if (response.statusCode() / 100 != 2) {
                failed(endpoint + " answered " + response.statusCode() + ": " + abbreviate(response.body()), null);
                result.fail();
            } else {
                if (failing.compareAndSet(true, false)) {
                    LOG.info("Spans reach the Zipkin server at {} again", endpoint);
                }
                result.succeed();
            }
        });
        return result;
    }

    private void failed(String reason, @Nullable Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            LOG.warn("Spans cannot be exported to Zipkin, they are dropped until it takes them again: {}", reason);
        } else {
            LOG.debug("Zipkin export failed: {}", reason, failure);
        }
    }

    /** Completes when every export sent so far has completed. */
    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofAll(new ArrayList<>(inFlight));
    }

    /** Waits for the exports in flight (at most the timeout), then stops the client's threads. */
    @Override
    public CompletableResultCode shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            return CompletableResultCode.ofSuccess();
        }
        CompletableResultCode done = new CompletableResultCode();
        List<CompletableResultCode> pending = new ArrayList<>(inFlight);
        CompletableResultCode.ofAll(pending).whenComplete(() -> {
            executor.shutdown();
            done.succeed();
        });
        return done;
    }

    @Override
    public String toString() {
        return "ZipkinSpanExporter{" + endpoint + "}";
    }

    private static HttpClient newClient(ExecutorService executor, Duration timeout) {
        // the client's selector thread inherits the creating thread's context class loader: with the plugin's
        // loader there, a client not yet collected would keep an undeployed plugin's classes alive
        Thread current = Thread.currentThread();
        ClassLoader saved = current.getContextClassLoader();
        current.setContextClassLoader(null);
        try {
            return HttpClient.newBuilder().executor(executor).connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        } finally {
            current.setContextClassLoader(saved);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(null);
            return t;
        };
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
