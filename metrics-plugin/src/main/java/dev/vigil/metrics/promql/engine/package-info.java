/**
 * The PromQL engine: {@link dev.vigil.metrics.promql.engine.PromqlEngine} parses a query, checks it, and evaluates
 * it over a {@link dev.vigil.api.metrics.MetricStore}.
 *
 * <p>Evaluation works over all the steps of a query at once. Each node of the syntax tree gives its value at
 * every step of a grid: a scalar as one array, an instant vector as series that each carry one array of values
 * with a marker for the steps without a sample. Selectors read each series from one store view once and walk
 * it along the steps; range functions slide a window over the samples; subqueries evaluate their expression on a
 * grid of their own, aligned to multiples of their step. Expressions pinned with {@code @} are evaluated once and
 * repeated. Prometheus 3's behaviour, as its own test scripts pin it down, is the specification.
 */
@NullMarked
package dev.vigil.metrics.promql.engine;

import org.jspecify.annotations.NullMarked;
