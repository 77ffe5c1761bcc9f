package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.SampleRejectedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** The meters of scraping. */
final class ScrapeMeters {

    static final String SCRAPES = "vigil.scrape.scrapes";
    static final String SAMPLES_REJECTED = "vigil.scrape.samples.rejected";

    private final MeterRegistry registry;

    ScrapeMeters(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    void scrape(String job, boolean success) {
        Counter.builder(SCRAPES)
                .description("Scrapes of targets, by job and outcome")
                .tag("job", job)
                .tag("outcome", success ? "success" : "failure")
                .register(registry)
                .increment();
    }

    void rejected(SampleRejectedException.Reason reason, int count) {
        Counter.builder(SAMPLES_REJECTED)
                .description("Scraped samples the metric store refused, by reason")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment(count);
    }
}
