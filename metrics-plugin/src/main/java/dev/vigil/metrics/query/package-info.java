/**
 * Prometheus's HTTP query API over the PromQL engine: {@code /api/v1/query}, {@code /api/v1/query_range},
 * {@code /api/v1/series}, {@code /api/v1/labels}, {@code /api/v1/label/<name>/values}, {@code /api/v1/metadata},
 * {@code /api/v1/status/buildinfo} and {@code /api/v1/query_exemplars}, answering with the JSON Prometheus
 * answers with, so Grafana and other Prometheus clients can use Vigil as a data source.
 * {@link dev.vigil.metrics.query.PrometheusApi} is the entry point.
 */
@NullMarked
package dev.vigil.metrics.query;

import org.jspecify.annotations.NullMarked;
