package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.StaleMarker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes one target on its own schedule and writes what it finds, with the synthetic series and staleness
 * markers, as Prometheus's scrape loop does. The fetch runs asynchronously, so a slow target holds no thread;
 * a tick that comes while the previous scrape still runs is skipped.
 */
final class ScrapeLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ScrapeLoop.class);
    private static final List<String> REPORT_METRICS = List.of(
            "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added");

    private final ScrapeTarget target;
    private final TargetSource source;
    private final MetricStore store;
    private final ScrapeMeters meters;
    private final Clock clock;
    private final ScheduledExecutorService pool;
    private final List<Labels> reportLabels;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    private volatile boolean stopped;
    private volatile TargetStatus status;
    private volatile @Nullable ScheduledFuture<?> schedule;
    private volatile @Nullable CompletableFuture<ScrapeBody> pending;

    // The fields below are guarded by this.
    /** Series of the last successful scrape that get stale markers when they go away, with their references. */
    private Map<Labels, Long> tracked = Map.of();
    /** Every series of the last successful scrape, for {@code scrape_series_added}. */
    private Set<Labels> lastSeen = Set.of();
    private long lastAppendTime = Long.MIN_VALUE;
    private boolean loggedRejections;

    ScrapeLoop(ScrapeTarget target, TargetSource source, MetricStore store, ScrapeMeters meters, Clock clock,
            ScheduledExecutorService pool) {
        this.target = requireNonNull(target, "target is null");
        this.source = requireNonNull(source, "source is null");
        this.store = requireNonNull(store, "store is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pool = requireNonNull(pool, "pool is null");
        this.reportLabels = REPORT_METRICS.stream().map(m -> TargetLabeler.reportLabels(m, target.labels())).toList();
        this.status = new TargetStatus(target.job(), target.instance(), target.url(), target.labels().asMap(),
                TargetStatus.Health.UNKNOWN, null, null, Duration.ZERO, target.interval(), target.timeout());
    }

    ScrapeTarget target() {
        return target;
    }

    TargetStatus status() {
        return status;
    }

    /** Schedules the scrapes, the first at this target's offset within its interval. */
    void start() {
        long interval = target.interval().toMillis();
        long delay = Math.floorMod(target.offsetMillis() - clock.millis(), interval);
        schedule = pool.scheduleAtFixedRate(this::tick, delay, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops scraping and marks stale every series the last scrape wrote, the synthetic ones included. Waits
     * for a scrape that is being written; abandons one that is being fetched.
     */
    void stop() {
        stopped = true;
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
        CompletableFuture<ScrapeBody> p = pending;
        if (p != null) {
            p.cancel(true);
        }
        synchronized (this) {
            if (lastAppendTime == Long.MIN_VALUE) {
                return;
            }
            long time = Math.max(clock.millis(), lastAppendTime + 1);
            try (MetricAppender appender = store.appender()) {
                Map<SampleRejectedException.Reason, Integer> rejected = new EnumMap<>(SampleRejectedException.Reason.class);
                tracked.forEach((labels, ref) -> appendStale(appender, ref, labels, time, rejected));
                reportLabels.forEach(labels -> appendStale(appender, 0, labels, time, rejected));
                appender.commit();
                countRejected(rejected);
            } catch (RuntimeException e) {
                LOG.warn("Could not write staleness markers for scrape target {} of job {}: {}", target.instance(), target.job(), e.toString());
            }
            tracked = Map.of();
            lastSeen = Set.of();
            lastAppendTime = Long.MIN_VALUE;
        }
    }

    private void tick() {
        if (stopped || !inFlight.compareAndSet(false, true)) {
            return;
        }
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        try {
            CompletableFuture<ScrapeBody> fetch;
            try {
                fetch = source.fetch();
            } catch (RuntimeException e) {
                fetch = CompletableFuture.failedFuture(new ScrapeException("fetching failed: " + e));
            }
            pending = fetch;
            fetch.whenCompleteAsync((body, error) -> {
                try {
                    finish(start, startNanos, body, error);
                } finally {
                    inFlight.set(false);
                }
            }, pool);
        } catch (RejectedExecutionException e) {
            // The pool is shutting down: the manager is closing and stops this loop.
            inFlight.set(false);
        }
    }

    private synchronized void finish(Instant start, long startNanos, @Nullable ScrapeBody body, @Nullable Throwable error) {
        if (stopped) {
            return;
        }
        long time = start.toEpochMilli();
        Outcome outcome;
        if (error != null || body == null) {
            outcome = Outcome.failed(describe(error), 0, 0);
        } else {
            outcome = parseAndAppend(body, time, startNanos);
        }
        if (outcome.error() != null) {
            outcome = writeFailure(outcome, time, startNanos);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        meters.scrape(target.job(), outcome.error() == null);
        TargetStatus.Health health = outcome.error() == null ? TargetStatus.Health.UP : TargetStatus.Health.DOWN;
        if (health == TargetStatus.Health.DOWN && status.health() != TargetStatus.Health.DOWN) {
            LOG.warn("Scrape of target {} of job {} failed: {}", target.instance(), target.job(), outcome.error());
        } else if (health == TargetStatus.Health.UP && status.health() == TargetStatus.Health.DOWN) {
            LOG.info("Scrape of target {} of job {} succeeds again", target.instance(), target.job());
        }
        status = new TargetStatus(target.job(), target.instance(), target.url(), target.labels().asMap(), health,
                outcome.error(), start, took, target.interval(), target.timeout());
    }

    /** Parses the body and writes its samples, stale markers and the synthetic series in one commit. */
    private Outcome parseAndAppend(ScrapeBody body, long time, long startNanos) {
        Exposition exposition;
        try {
            exposition = ExpositionParser.forContentType(body.contentType()).parse(body.text());
        } catch (ParseException e) {
            return Outcome.failed("invalid exposition: " + e.getMessage(), 0, 0);
        }
        int scraped = exposition.samples().size();
        Map<SampleRejectedException.Reason, Integer> rejected = new EnumMap<>(SampleRejectedException.Reason.class);
        Map<Labels, Long> nowTracked = new HashMap<>();
        Set<Labels> seen = new HashSet<>();
        int added = 0;
        int seriesAdded = 0;
        try (MetricAppender appender = store.appender()) {
            for (ParsedSample sample : exposition.samples()) {
                Labels labels = TargetLabeler.sampleLabels(sample.labels(), target.labels(), target.honorLabels());
                Long exposed = target.honorTimestamps() ? sample.timestamp() : null;
                added++;
                if (target.sampleLimit() > 0 && added > target.sampleLimit()) {
                    continue; // counted only: the scrape fails below
                }
                if (seen.add(labels) && !lastSeen.contains(labels)) {
                    seriesAdded++;
                }
                long ref = tracked.getOrDefault(labels, 0L);
                try {
                    ref = appender.append(ref, labels, exposed != null ? exposed : time, sample.value());
                } catch (SampleRejectedException e) {
                    rejected.merge(e.reason(), 1, Integer::sum);
                    continue;
                }
                // As in Prometheus, series with their own timestamps are left out of staleness handling.
                if (exposed == null) {
                    nowTracked.put(labels, ref);
                }
            }
            if (target.sampleLimit() > 0 && added > target.sampleLimit()) {
                return Outcome.failed("sample limit exceeded: " + added + " samples, limit " + target.sampleLimit(), scraped, added);
            }
            exposition.metadata().forEach(appender::metadata);
            tracked.forEach((labels, ref) -> {
                if (!nowTracked.containsKey(labels)) {
                    appendStale(appender, ref, labels, time, rejected);
                }
            });
            appendReport(appender, time, startNanos, true, scraped, added, seriesAdded, rejected);
            appender.commit();
        } catch (RuntimeException e) {
            return Outcome.failed("writing to the metric store failed: " + e, scraped, added);
        }
        countRejected(rejected);
        tracked = nowTracked;
        lastSeen = seen;
        lastAppendTime = time;
        return new Outcome(null, scraped, added);
    }

    /** After a failed scrape: stale markers for everything the last one wrote, and {@code up} 0. */
    private Outcome writeFailure(Outcome outcome, long time, long startNanos) {
        Map<SampleRejectedException.Reason, Integer> rejected = new EnumMap<>(SampleRejectedException.Reason.class);
        try (MetricAppender appender = store.appender()) {
            tracked.forEach((labels, ref) -> appendStale(appender, ref, labels, time, rejected));
            appendReport(appender, time, startNanos, false, outcome.scraped(), outcome.added(), 0, rejected);
            appender.commit();
            lastAppendTime = Math.max(lastAppendTime, time);
        } catch (RuntimeException e) {
            LOG.debug("Could not record the failed scrape of {} of job {}", target.instance(), target.job(), e);
        }
        countRejected(rejected);
        tracked = Map.of();
        lastSeen = Set.of();
        return outcome;
    }

    private void appendReport(MetricAppender appender, long time, long startNanos, boolean up, int scraped, int added,
            int seriesAdded, Map<SampleRejectedException.Reason, Integer> rejected) {
        double duration = (System.nanoTime() - startNanos) / 1e9;
        double[] values = {up ? 1 : 0, duration, scraped, added, seriesAdded};
        for (int i = 0; i < values.length; i++) {
            try {
                appender.append(0, reportLabels.get(i), time, values[i]);
            } catch (SampleRejectedException e) {
                rejected.merge(e.reason(), 1, Integer::sum);
            }
        }
    }

    private static void appendStale(MetricAppender appender, long ref, Labels labels, long time,
            Map<SampleRejectedException.Reason, Integer> rejected) {
        try {
            appender.append(ref, labels, time, StaleMarker.VALUE);
        } catch (SampleRejectedException e) {
            rejected.merge(e.reason(), 1, Integer::sum);
        }
    }

    private void countRejected(Map<SampleRejectedException.Reason, Integer> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        rejected.forEach(meters::rejected);
        if (!loggedRejections) {
            loggedRejections = true;
            LOG.warn("The metric store refused samples scraped from {} of job {}: {} (counted in {}; logged once per target)",
                    target.instance(), target.job(), rejected, ScrapeMeters.SAMPLES_REJECTED);
        }
    }

    private static String describe(@Nullable Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return "the target sent nothing";
        }
        return cause instanceof ScrapeException ? String.valueOf(cause.getMessage()) : cause.toString();
    }

    /** How a scrape went: the error (null on success) and how many samples it held. */
    private record Outcome(@Nullable String error, int scraped, int added) {
        static Outcome failed(String error, int scraped, int added) {
            return new Outcome(error, scraped, added);
        }
    }
}
