package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.ChannelContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the plugin gives every channel: one HTTP client for all of them, the platform's clock and the external URL
 * of the current configuration. The client runs on a pool this context owns, so that stopping the plugin leaves
 * none of its threads behind. Thread-safe.
 */
final class PlatformChannelContext implements ChannelContext, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final Supplier<String> externalUrl;
    private final ExecutorService executor;
    private final HttpClient client;

    PlatformChannelContext(Clock clock, Supplier<String> externalUrl) {
        this.clock = requireNonNull(clock, "clock is null");
        this.externalUrl = requireNonNull(externalUrl, "externalUrl is null");
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = PlatformChannelContext.class.getClassLoader();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "vigil-alerting-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        // idle threads end, so a quiet plugin holds none
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.client = buildClient(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor));
    }

    @Override
    public HttpClient httpClient() {
        return client;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String externalUrl() {
        return externalUrl.get();
    }

    /** Stops the client's threads; requests still under way fail. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Builds the client with the platform class loader as the context class loader. The client starts a selector
     * thread that inherits the builder's context class loader, and on Java 17 a client cannot be closed: the thread
     * ends once the client is garbage-collected. Without the plugin's loader, that thread does not pin it meanwhile.
     */
    private static HttpClient buildClient(HttpClient.Builder builder) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return builder.build();
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
