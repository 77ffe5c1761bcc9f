/**
 * Scraping of static targets that expose the Prometheus text format (0.0.4) or OpenMetrics 1.0 text, in the
 * manner of Prometheus's scrape loop: a schedule per target, the synthetic {@code up} and {@code scrape_*}
 * series, staleness markers, and honour rules for labels and timestamps. {@link
 * dev.vigil.metrics.scrape.ScrapeManager} is the entry point.
 */
@NullMarked
package dev.vigil.metrics.scrape;

import org.jspecify.annotations.NullMarked;
