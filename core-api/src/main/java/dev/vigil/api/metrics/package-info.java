/**
 * The metric store SPI: how receivers write samples and how query engines read them back.
 *
 * <p>The model is Prometheus's: a series is identified by its {@link dev.vigil.api.metrics.Labels} (the
 * metric name is the label {@code __name__}), and holds samples of a millisecond timestamp and a
 * {@code double} value. The metrics plugin publishes a {@link dev.vigil.api.metrics.MetricStore} in the
 * service registry; another implementation (one backed by a remote engine, say) can take its place without
 * touching its consumers.
 */
@NullMarked
package dev.vigil.api.metrics;

import org.jspecify.annotations.NullMarked;
