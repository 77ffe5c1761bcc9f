package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricMetadata;
import java.util.List;
import java.util.Map;

/**
 * What one scrape body held.
 *
 * @param samples the samples, in the order exposed
 * @param metadata the metadata of each metric family that had a TYPE, HELP or UNIT line, by family name
 */
record Exposition(List<ParsedSample> samples, Map<String, MetricMetadata> metadata) {

    Exposition {
        samples = List.copyOf(requireNonNull(samples, "samples is null"));
        metadata = Map.copyOf(requireNonNull(metadata, "metadata is null"));
    }
}
