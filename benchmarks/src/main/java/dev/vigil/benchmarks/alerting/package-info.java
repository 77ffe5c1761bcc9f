/**
 * The rule evaluation driver: 1,000 Prometheus-style rules over 100,000 series in an embedded store, evaluated in
 * process, and the way of their alerts through the notification pipeline, the outbox and the webhook channel to a
 * local HTTP server.
 */
@NullMarked
package dev.vigil.benchmarks.alerting;

import org.jspecify.annotations.NullMarked;
