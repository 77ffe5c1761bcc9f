package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** An internal target: the exposition comes from a supplier of OpenMetrics text instead of HTTP. */
final class SupplierTargetSource implements TargetSource {

    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final Supplier<String> openMetricsText;

    SupplierTargetSource(Supplier<String> openMetricsText) {
        this.openMetricsText = requireNonNull(openMetricsText, "openMetricsText is null");
    }

    @Override
    public CompletableFuture<ScrapeBody> fetch() {
        try {
            String text = openMetricsText.get();
            if (text == null) {
                return CompletableFuture.failedFuture(new ScrapeException("the internal target supplied no text"));
            }
            return CompletableFuture.completedFuture(new ScrapeBody(text, OPENMETRICS));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ScrapeException("the internal target failed: " + e));
        }
    }
}
