package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.text.GoStrings;

/** Label sets written the way Prometheus writes them in error messages, so users see the same text. */
final class PromFormat {

    private PromFormat() {}

    /** A label set as Prometheus prints it in errors: {@code {__name__="up", job="node"}}. */
    static String labels(Labels labels) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(labels.name(i)).append('=').append(GoStrings.quote(labels.value(i)));
        }
        return out.append('}').toString();
    }
}
