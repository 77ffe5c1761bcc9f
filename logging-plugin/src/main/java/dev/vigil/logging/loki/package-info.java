/**
 * Loki's HTTP query API over {@link dev.vigil.api.logs.LogQuery}, so that Grafana's Loki data source and other Loki
 * clients (logcli) work against Vigil unchanged: {@code /loki/api/v1/query_range}, {@code query}, {@code labels},
 * {@code label/<name>/values}, {@code series}, {@code index/stats}, {@code detected_labels} and
 * {@code format_query}, with Loki's parameters, JSON shapes and plain-text errors.
 * {@link dev.vigil.logging.loki.LokiApi} is the entry point.
 */
@NullMarked
package dev.vigil.logging.loki;

import org.jspecify.annotations.NullMarked;
