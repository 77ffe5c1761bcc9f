package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of one scrape target, as shown on a targets page.
 *
 * @param job the job name
 * @param instance the target address ({@code host:port}), or the name of an internal target
 * @param scrapeUrl the URL scraped
 * @param labels the labels added to every series of the target, {@code job} and {@code instance} included, sorted by
 *     name
 * @param health whether the last scrape succeeded; {@link Health#UNKNOWN} before the first
 * @param lastError why the last scrape failed, or null when it did not
 * @param lastScrape when the last scrape started, or null before the first
 * @param lastScrapeDuration how long the last scrape took; zero before the first
 * @param interval how often the target is scraped
 * @param timeout how long a scrape may take
 */
public record TargetStatus(
        String job,
        String instance,
        String scrapeUrl,
        Map<String, String> labels,
        Health health,
        @Nullable String lastError,
        @Nullable Instant lastScrape,
        Duration lastScrapeDuration,
        Duration interval,
        Duration timeout) {

    /** Whether a target answered its last scrape. */
    public enum Health {
        /** The last scrape succeeded. */
        UP,
        /** The last scrape failed. */
        DOWN,
        /** Not scraped yet. */
        UNKNOWN
    }

    /** Checks that the required parts are there and copies the labels in name order. */
    public TargetStatus {
        requireNonNull(job, "job is null");
        requireNonNull(instance, "instance is null");
        requireNonNull(scrapeUrl, "scrapeUrl is null");
        requireNonNull(health, "health is null");
        requireNonNull(lastScrapeDuration, "lastScrapeDuration is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
        labels = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(labels, "labels is null")));
    }
}
