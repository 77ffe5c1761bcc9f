package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.metrics.net.HttpClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes the configured targets, and the platform's own internal targets, into a {@link MetricStore}, as
 * Prometheus 2.42 does: each target on its own schedule at a stable offset within its interval, with
 * {@code up} and the {@code scrape_*} series, and staleness markers for series that go away.
 *
 * <p>The manager owns a small pool of daemon threads named {@code vigil-scrape-<n>}; fetches are
 * asynchronous, so a slow target delays no other. Thread-safe. Close it to stop every loop and thread.
 */
public final class ScrapeManager implements AutoCloseable {

    /** The largest body a target may send, after decompression. */
    public static final ByteSize BODY_LIMIT = ByteSize.ofMebibytes(64);

    private static final Logger LOG = LoggerFactory.getLogger(ScrapeManager.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final MetricStore store;
    private final ScrapeMeters meters;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor pool;
    private final HttpClient client;
    // Guarded by this.
    private Map<String, ScrapeLoop> configured = new LinkedHashMap<>();
    private final Map<String, ScrapeLoop> internal = new LinkedHashMap<>();
    private boolean closed;

    /**
     * A manager with no targets yet.
     *
     * @param store where samples go
     * @param meters where the manager's own meters are registered
     * @param clock the time of each scrape, which becomes the timestamp of its samples
     */
    public ScrapeManager(MetricStore store, MeterRegistry meters, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.meters = new ScrapeMeters(requireNonNull(meters, "meters is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.pool = new ScheduledThreadPoolExecutor(poolSize(), new ScrapeThreads());
        this.pool.setRemoveOnCancelPolicy(true);
        this.client = newClient(pool);
    }

    /**
     * Makes the running targets those of {@code settings}: starts the new ones, stops (with staleness markers)
     * the ones gone, restarts the ones whose settings changed. Unchanged targets keep running and keep their
     * state.
     *
     * @throws IllegalStateException if the manager is closed
     */
    public synchronized void apply(ScrapeSettings settings) {
        requireNonNull(settings, "settings is null");
        checkOpen();
        Map<String, ScrapeTarget> wanted = new LinkedHashMap<>();
        for (ScrapeJob job : settings.jobs()) {
            for (String address : job.targets()) {
                ScrapeTarget target = ScrapeTarget.of(settings, job, address);
                wanted.put(key(target.job(), target.instance()), target);
            }
        }
        for (Iterator<Map.Entry<String, ScrapeLoop>> it = configured.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ScrapeLoop> entry = it.next();
            if (!entry.getValue().target().equals(wanted.get(entry.getKey()))) {
                entry.getValue().stop();
                it.remove();
            }
        }
        Map<String, ScrapeLoop> next = new LinkedHashMap<>();
        wanted.forEach((key, target) -> {
            ScrapeLoop loop = configured.get(key);
            if (loop == null) {
                loop = new ScrapeLoop(target, new HttpTargetSource(client, pool, target.url(), target.timeout(), BODY_LIMIT.bytes()),
                        store, meters, clock, pool);
                loop.start();
            }
            next.put(key, loop);
        });
        configured = next;
        LOG.info("Scraping {} targets in {} jobs", configured.size(), settings.jobs().size());
    }

    /**
     * Adds a target scraped by calling {@code openMetricsText} instead of HTTP, such as the platform's own
     * meters; it replaces an internal target with the same job and instance. Its series get the {@code job}
     * and {@code instance} labels like any other.
     *
     * @param openMetricsText returns the target's exposition in OpenMetrics text, {@code # EOF} included;
     *     called on a scrape thread
     * @throws IllegalStateException if the manager is closed
     */
    public synchronized void addInternalTarget(String job, String instance, Duration interval, Supplier<String> openMetricsText) {
        requireNonNull(job, "job is null");
        requireNonNull(instance, "instance is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(openMetricsText, "openMetricsText is null");
        if (job.isBlank() || instance.isBlank()) {
            throw new IllegalArgumentException("an internal target needs a job and an instance, got '" + job + "' and '" + instance + "'");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        checkOpen();
        Duration timeout = DEFAULT_TIMEOUT.compareTo(interval) > 0 ? interval : DEFAULT_TIMEOUT;
        ScrapeTarget target = new ScrapeTarget(job, instance, "internal://" + instance + "/metrics",
                Labels.of("job", job, "instance", instance), interval, timeout, false, true, 0);
        ScrapeLoop loop = new ScrapeLoop(target, new SupplierTargetSource(openMetricsText), store, meters, clock, pool);
        ScrapeLoop previous = internal.put(key(job, instance), loop);
        if (previous != null) {
            previous.stop();
        }
        loop.start();
    }

    /** The state of every target: the configured ones in the order of the settings, then the internal ones. */
    public synchronized List<TargetStatus> targets() {
        List<TargetStatus> out = new ArrayList<>();
        configured.values().forEach(loop -> out.add(loop.status()));
        internal.values().forEach(loop -> out.add(loop.status()));
        return out;
    }

    /**
     * Stops every loop, writing staleness markers for the series of each target, then stops and awaits the
     * scrape threads. Does nothing the second time.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        configured.values().forEach(ScrapeLoop::stop);
        internal.values().forEach(ScrapeLoop::stop);
        configured = new LinkedHashMap<>();
        internal.clear();
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Scrape threads did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeClient();
    }

    private void closeClient() {
        // HttpClient can be closed from Java 21 on; before, its selector thread ends once the client is unreachable.
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the scrape HTTP client failed", e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the scrape manager is closed");
        }
    }

    private static String key(String job, String instance) {
        return job + '\u0000' + instance;
    }

    private static int poolSize() {
        // Fetches do not hold threads; these only parse and write, so a few suffice even with many targets.
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static HttpClient newClient(ScheduledThreadPoolExecutor executor) {
        return HttpClients.build(HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1));
    }

    /** Daemon threads named {@code vigil-scrape-<n>}. */
    private static final class ScrapeThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "vigil-scrape-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
