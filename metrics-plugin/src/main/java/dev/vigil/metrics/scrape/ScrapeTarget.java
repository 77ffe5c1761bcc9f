package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a scrape loop needs to know about its target. Two targets that are equal scrape alike, which is how
 * {@link ScrapeManager#apply} tells an unchanged target from a changed one.
 *
 * @param job the job name
 * @param instance the address, or the name of an internal target
 * @param url the URL scraped
 * @param labels the labels added to every series: {@code job}, {@code instance} and the job's labels
 * @param interval how often
 * @param timeout how long a scrape may take
 * @param honorLabels whether exposed labels win on a conflict
 * @param honorTimestamps whether exposed timestamps are used
 * @param sampleLimit the most samples a scrape may hold; 0 for no limit
 */
record ScrapeTarget(
        String job,
        String instance,
        String url,
        Labels labels,
        Duration interval,
        Duration timeout,
        boolean honorLabels,
        boolean honorTimestamps,
        int sampleLimit) {

    ScrapeTarget {
        requireNonNull(job, "job is null");
        requireNonNull(instance, "instance is null");
        requireNonNull(url, "url is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
    }

    /** The target of {@code job} at {@code address}. */
    static ScrapeTarget of(ScrapeSettings settings, ScrapeJob job, String address) {
        Labels.Builder labels = Labels.builder();
        job.labels().forEach(labels::set);
        labels.set("job", job.name()).set("instance", address);
        return new ScrapeTarget(job.name(), address, job.scheme() + "://" + address + job.metricsPath(), labels.build(),
                settings.intervalOf(job), settings.timeoutOf(job), job.honorLabels(), job.honorTimestamps(), job.sampleLimit());
    }

    /** Where in its interval this target is scraped: the same for the same target, spread across targets. */
    long offsetMillis() {
        long hash = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : (labels + "\u0000" + url).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return Long.remainderUnsigned(hash, Math.max(1, interval.toMillis()));
    }
}
