package dev.vigil.metrics.scrape;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads a scrape body in one exposition format. Implementations are stateless and thread-safe. */
interface ExpositionParser {

    /**
     * Parses a whole body.
     *
     * @throws ParseException at the first line that breaks the format; nothing of the body is to be used then
     */
    Exposition parse(String body) throws ParseException;

    /**
     * The parser for a response's {@code Content-Type}, as Prometheus picks it: OpenMetrics for
     * {@code application/openmetrics-text}, the text format for anything else, or none.
     */
    static ExpositionParser forContentType(@Nullable String contentType) {
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (mediaType.equals("application/openmetrics-text")) {
                return new OpenMetricsParser();
            }
        }
        return new TextFormatParser();
    }
}
