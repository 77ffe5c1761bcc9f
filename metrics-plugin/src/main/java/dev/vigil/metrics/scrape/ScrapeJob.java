package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One scrape job, an entry of {@code jobs} in {@link ScrapeSettings}: static targets scraped alike.
 *
 * @param name the job name, the value of the {@code job} label of every series scraped; required
 * @param interval how often each target is scraped, or null for the global interval
 * @param timeout how long a scrape may take, or null for the global timeout; at most the interval
 * @param metricsPath the path of the metrics endpoint; default {@code /metrics}
 * @param scheme {@code http} (the default) or {@code https}
 * @param targets the targets as {@code host:port}; at least one
 * @param labels labels added to every series of the job; may not set {@code job} or {@code instance}
 * @param honorLabels whether exposed labels win over the target's labels on a conflict (default false: the
 *     exposed ones are kept as {@code exported_<name>})
 * @param honorTimestamps whether timestamps exposed by the target are used (default true)
 * @param sampleLimit the most samples a scrape may hold before it fails; 0 (the default) for no limit
 */
public record ScrapeJob(
        String name,
        @Nullable Duration interval,
        @Nullable Duration timeout,
        String metricsPath,
        String scheme,
        List<String> targets,
        Map<String, String> labels,
        boolean honorLabels,
        boolean honorTimestamps,
        int sampleLimit) {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\s:/\\[\\]@?#]+):(\\d{1,5})");
    private static final Set<String> RESERVED_LABELS = Set.of("job", "instance");

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public ScrapeJob {
        requireNonNull(name, "name is null");
        requireNonNull(metricsPath, "metricsPath is null");
        requireNonNull(scheme, "scheme is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(labels, "labels is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is required for every scrape job");
        }
        String where = "job '" + name + "': ";
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException(where + "interval must be positive, got " + interval);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException(where + "timeout must be positive, got " + timeout);
        }
        if (interval != null && timeout != null && timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException(where + "timeout (" + timeout + ") must not exceed interval (" + interval + ")");
        }
        if (!metricsPath.startsWith("/")) {
            throw new IllegalArgumentException(where + "metricsPath must start with '/', got '" + metricsPath + "'");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(where + "scheme must be http or https, got '" + scheme + "'");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(where + "targets must list at least one host:port");
        }
        for (int i = 0; i < targets.size(); i++) {
            String target = requireNonNull(targets.get(i), "targets[" + i + "] is null");
            var m = HOST_PORT.matcher(target);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                throw new IllegalArgumentException(where + "targets[" + i + "] must be host:port, got '" + target + "'");
            }
        }
        if (Set.copyOf(targets).size() != targets.size()) {
            throw new IllegalArgumentException(where + "targets lists the same target more than once: " + targets);
        }
        labels.forEach((key, value) -> {
            if (!LABEL_NAME.matcher(key).matches() || key.startsWith("__")) {
                throw new IllegalArgumentException(where + "labels has an invalid label name '" + key + "'");
            }
            if (RESERVED_LABELS.contains(key)) {
                throw new IllegalArgumentException(where + "labels may not set '" + key + "': the scraper sets it");
            }
            requireNonNull(value, "labels." + key + " is null");
        });
        if (sampleLimit < 0) {
            throw new IllegalArgumentException(where + "sampleLimit must be 0 (no limit) or positive, got " + sampleLimit);
        }
        targets = List.copyOf(targets);
        labels = Map.copyOf(new LinkedHashMap<>(labels));
    }

    /** A job with the defaults for every optional key. */
    public static ScrapeJob of(String name, List<String> targets) {
        return fromConfig(name, null, null, null, null, targets, null, null, null, null);
    }

    /** Binds one entry of {@code jobs}: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static ScrapeJob fromConfig(
            @JsonProperty("name") @Nullable String name,
            @JsonProperty("interval") @Nullable Duration interval,
            @JsonProperty("timeout") @Nullable Duration timeout,
            @JsonProperty("metricsPath") @Nullable String metricsPath,
            @JsonProperty("scheme") @Nullable String scheme,
            @JsonProperty("targets") @Nullable List<String> targets,
            @JsonProperty("labels") @Nullable Map<String, String> labels,
            @JsonProperty("honorLabels") @Nullable Boolean honorLabels,
            @JsonProperty("honorTimestamps") @Nullable Boolean honorTimestamps,
            @JsonProperty("sampleLimit") @Nullable Integer sampleLimit) {
        return new ScrapeJob(
                requireNonNullElse(name, ""),
                interval,
                timeout,
                requireNonNullElse(metricsPath, "/metrics"),
                requireNonNullElse(scheme, "http"),
                requireNonNullElse(targets, List.of()),
                requireNonNullElse(labels, Map.of()),
                requireNonNullElse(honorLabels, false),
                requireNonNullElse(honorTimestamps, true),
                requireNonNullElse(sampleLimit, 0));
    }
}
