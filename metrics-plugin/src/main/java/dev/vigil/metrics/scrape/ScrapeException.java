package dev.vigil.metrics.scrape;

/** A scrape that failed; the message is what the targets page shows as the last error. */
final class ScrapeException extends Exception {

    private static final long serialVersionUID = 1L;

    ScrapeException(String message) {
        super(message, null, false, false);
    }
}
