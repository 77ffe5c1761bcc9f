package dev.vigil.metrics.scrape;

import java.util.concurrent.CompletableFuture;

/** Fetches the exposition of one target. */
interface TargetSource {

    /**
     * Starts one fetch. The future fails with a {@link ScrapeException} that says what went wrong; it may be
     * cancelled, which abandons the fetch.
     */
    CompletableFuture<ScrapeBody> fetch();
}
