/**
 * The alerting plugin's HTTP API on the platform's API port: alerts with their acknowledgements, silences, rule
 * groups and their state in the shapes of Prometheus's {@code /api/v1/rules} and {@code /api/v1/alerts} (so Grafana
 * reads them), the notification history, the outbox and the receivers' channels. Answers are JSON,
 * {@code {"status":"success","data":...}}; calls that change state need the admin token. Secrets in channel
 * settings are shown as {@code <secret>}.
 */
@NullMarked
package dev.vigil.alerting.api;

import org.jspecify.annotations.NullMarked;
