package dev.vigil.metrics.exposition;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Serves the platform registry's meters: OpenMetrics 1.0 when the client's {@code Accept} header asks for
 * {@code application/openmetrics-text} (as Prometheus does), the Prometheus text format 0.0.4 otherwise.
 * {@code name[]} query parameters limit the output to the metric families named, as in the Prometheus
 * client libraries.
 */
public final class MetricsEndpoint implements HttpHandler {

    private static final String OPENMETRICS = "application/openmetrics-text";
    /** The content type of OpenMetrics 1.0 text. */
    public static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** The content type of the Prometheus text format 0.0.4. */
    public static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    /** An endpoint over {@code registry}. */
    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public void handle(HttpExchange exchange) {
        String contentType = wantsOpenMetrics(exchange.header("Accept").orElse(""))
                ? OPENMETRICS_CONTENT_TYPE
                : TEXT_CONTENT_TYPE;
        List<String> names = exchange.queryParams("name[]");
        String body = names.isEmpty() ? registry.scrape(contentType) : registry.scrape(contentType, familyNames(names));
        exchange.respond(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Every meter of the platform registry in OpenMetrics, for the store's own scrape of the platform. */
    public String openMetrics() {
        return registry.scrape(OPENMETRICS_CONTENT_TYPE);
    }

    static boolean wantsOpenMetrics(String accept) {
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String type = range.split(";", 2)[0].trim();
            if (type.equals(OPENMETRICS) && !range.replace(" ", "").contains("q=0;") && !range.replace(" ", "").endsWith("q=0")) {
                return true;
            }
        }
        return false;
    }

    /** The names a filter must let through: a family's samples carry suffixes the client may have named. */
    private static Set<String> familyNames(List<String> names) {
        Set<String> all = new HashSet<>();
        for (String name : names) {
            all.add(name);
            for (String suffix : new String[] {"_total", "_created", "_bucket", "_count", "_sum", "_info", "_gcount", "_gsum"}) {
                if (name.endsWith(suffix)) {
                    all.add(name.substring(0, name.length() - suffix.length()));
                }
            }
        }
        return all;
    }
}
