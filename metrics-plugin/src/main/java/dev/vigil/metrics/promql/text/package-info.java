/**
 * Numbers and strings written and read in Go's conventions ({@code strconv}, {@code fmt}), which PromQL and
 * Prometheus's messages, labels and HTTP API follow, so that Vigil's text matches Prometheus's byte for byte:
 * {@link dev.vigil.metrics.promql.text.GoFloats} for doubles, {@link dev.vigil.metrics.promql.text.GoStrings}
 * for quoting, unquoting and UTF-8 checks.
 */
@NullMarked
package dev.vigil.metrics.promql.text;

import org.jspecify.annotations.NullMarked;
