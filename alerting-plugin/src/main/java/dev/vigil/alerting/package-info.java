/**
 * The alerting plugin ({@code alerting}): Prometheus rule files evaluated over the {@code MetricQuery} service,
 * an Alertmanager-style notification pipeline, a durable outbox, and the built-in notification channels.
 */
@NullMarked
package dev.vigil.alerting;

import org.jspecify.annotations.NullMarked;
