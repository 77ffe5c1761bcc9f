package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scraping: the global interval and timeout and the jobs. Every key is optional; see {@link #defaults()}.
 *
 * @param interval how often targets are scraped unless their job says otherwise; default {@code 1m}
 * @param timeout how long a scrape may take unless its job says otherwise; default {@code 10s}, or the interval
 *     when that is shorter; at most the interval
 * @param jobs the scrape jobs, each name at most once; default none
 */
public record ScrapeSettings(Duration interval, Duration timeout, List<ScrapeJob> jobs) {

    private static final ScrapeSettings DEFAULTS = new ScrapeSettings(Duration.ofMinutes(1), Duration.ofSeconds(10), List.of());

    /**
     * Checks the rules above, and that each job's own timeout does not exceed its own interval.
     *
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public ScrapeSettings {
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(jobs, "jobs is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must not exceed interval (" + interval + ")");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            ScrapeJob job = requireNonNull(jobs.get(i), "jobs[" + i + "] is null");
            if (!names.add(job.name())) {
                throw new IllegalArgumentException("jobs[" + i + "].name '" + job.name() + "' is used by another job; job names must be unique");
            }
            Duration jobInterval = requireNonNullElse(job.interval(), interval);
            Duration jobTimeout = job.timeout();
            if (jobTimeout != null && jobTimeout.compareTo(jobInterval) > 0) {
                throw new IllegalArgumentException("jobs[" + i + "] ('" + job.name() + "'): timeout (" + jobTimeout
                        + ") must not exceed interval (" + jobInterval + ")");
            }
        }
        jobs = List.copyOf(jobs);
    }

    /** An interval of one minute, a timeout of ten seconds, no jobs. */
    public static ScrapeSettings defaults() {
        return DEFAULTS;
    }

    /** The interval that applies to {@code job}. */
    public Duration intervalOf(ScrapeJob job) {
        return requireNonNullElse(job.interval(), interval);
    }

    /**
     * The timeout that applies to {@code job}: its own, or else the global one cut to the job's interval (as
     * Prometheus does when a job scrapes more often than the global timeout).
     */
    public Duration timeoutOf(ScrapeJob job) {
        Duration own = job.timeout();
        if (own != null) {
            return own;
        }
        Duration jobInterval = intervalOf(job);
        return timeout.compareTo(jobInterval) > 0 ? jobInterval : timeout;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static ScrapeSettings fromConfig(
            @JsonProperty("interval") @Nullable Duration interval,
            @JsonProperty("timeout") @Nullable Duration timeout,
            @JsonProperty("jobs") @Nullable List<ScrapeJob> jobs) {
        Duration actualInterval = requireNonNullElse(interval, DEFAULTS.interval);
        Duration defaultTimeout = DEFAULTS.timeout.compareTo(actualInterval) > 0 ? actualInterval : DEFAULTS.timeout;
        return new ScrapeSettings(actualInterval, requireNonNullElse(timeout, defaultTimeout), requireNonNullElse(jobs, DEFAULTS.jobs));
    }
}
