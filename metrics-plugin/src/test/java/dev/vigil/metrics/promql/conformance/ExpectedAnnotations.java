package dev.vigil.metrics.promql.conformance;

import java.util.List;

/**
 * The warnings and infos an eval expects; an eval that says nothing about a kind accepts any.
 *
 * @param warnings each must match at least one warning ({@code expect warn}, {@code eval_warn})
 * @param noWarn whether there must be no warning ({@code expect no_warn})
 * @param infos each must match at least one info ({@code expect info}, {@code eval_info})
 * @param noInfo whether there must be no info ({@code expect no_info})
 */
record ExpectedAnnotations(List<Expectation> warnings, boolean noWarn, List<Expectation> infos, boolean noInfo) {

    /** Copies the lists. */
    ExpectedAnnotations {
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }
}
