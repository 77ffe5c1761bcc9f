package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a target answered.
 *
 * @param text the body, decoded
 * @param contentType the {@code Content-Type} of the answer, or null when it had none
 */
record ScrapeBody(String text, @Nullable String contentType) {

    ScrapeBody {
        requireNonNull(text, "text is null");
    }
}
