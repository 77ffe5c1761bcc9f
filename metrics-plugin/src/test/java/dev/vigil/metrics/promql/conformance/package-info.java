/**
 * Runs Prometheus's PromQL test scripts against Vigil's engine: a parser for the script format, a loader
 * into an in-memory store, and the comparison of results, annotations and errors with what the scripts
 * expect.
 */
@NullMarked
package dev.vigil.metrics.promql.conformance;

import org.jspecify.annotations.NullMarked;
