package dev.vigil.metrics.scrape;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders target states as the {@code data} object of Prometheus's {@code GET /api/v1/targets}. */
public final class TargetsApi {

    /** What Prometheus shows as the last scrape of a target not scraped yet. */
    private static final String NEVER = "0001-01-01T00:00:00Z";

    private TargetsApi() {}

    /**
     * The {@code data} object: {@code activeTargets} with one entry per target ({@code discoveredLabels},
     * {@code labels}, {@code scrapePool}, {@code scrapeUrl}, {@code globalUrl}, {@code lastError},
     * {@code lastScrape}, {@code lastScrapeDuration} in seconds, {@code health}, {@code scrapeInterval},
     * {@code scrapeTimeout}) and an empty {@code droppedTargets}; plain maps, lists, strings and numbers, ready
     * for Jackson.
     */
    public static Map<String, Object> data(List<TargetStatus> targets) {
        List<Object> active = new ArrayList<>();
        for (TargetStatus t : targets) {
            active.add(target(t));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activeTargets", active);
        data.put("droppedTargets", List.of());
        return data;
    }

    private static Map<String, Object> target(TargetStatus t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("discoveredLabels", discoveredLabels(t));
        out.put("labels", new LinkedHashMap<>(t.labels()));
        out.put("scrapePool", t.job());
        out.put("scrapeUrl", t.scrapeUrl());
        out.put("globalUrl", t.scrapeUrl());
        out.put("lastError", t.lastError() == null ? "" : t.lastError());
        Instant last = t.lastScrape();
        out.put("lastScrape", last == null ? NEVER : DateTimeFormatter.ISO_INSTANT.format(last));
        out.put("lastScrapeDuration", t.lastScrapeDuration().toNanos() / 1e9);
        out.put("health", t.health().name().toLowerCase(java.util.Locale.ROOT));
        out.put("scrapeInterval", PrometheusDuration.format(t.interval()));
        out.put("scrapeTimeout", PrometheusDuration.format(t.timeout()));
        return out;
    }

    /** The labels before relabeling, as Prometheus shows them for a static target, in name order. */
    private static Map<String, String> discoveredLabels(TargetStatus t) {
        String url = t.scrapeUrl();
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd);
        int pathStart = schemeEnd < 0 ? -1 : url.indexOf('/', schemeEnd + 3);
        String path = pathStart < 0 ? "/" : url.substring(pathStart);
        Map<String, String> labels = new TreeMap<>();
        labels.put("__address__", t.instance());
        labels.put("__metrics_path__", path);
        labels.put("__scheme__", scheme);
        labels.put("__scrape_interval__", PrometheusDuration.format(t.interval()));
        labels.put("__scrape_timeout__", PrometheusDuration.format(t.timeout()));
        t.labels().forEach((name, value) -> {
            if (!name.equals("instance")) {
                labels.put(name, value);
            }
        });
        return labels;
    }
}
