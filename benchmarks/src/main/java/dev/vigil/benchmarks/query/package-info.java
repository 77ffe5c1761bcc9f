/**
 * The query latency driver: the same dashboard data and queries against Vigil and Prometheus, side by side,
 * through Prometheus's HTTP query API.
 */
@NullMarked
package dev.vigil.benchmarks.query;

import org.jspecify.annotations.NullMarked;
