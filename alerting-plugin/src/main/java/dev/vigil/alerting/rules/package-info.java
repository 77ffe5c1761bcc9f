/**
 * Prometheus-compatible rule evaluation: rule groups run at their interval over the {@code MetricQuery} service,
 * recording rules write their results back to the {@code MetricStore}, alerting rules keep Prometheus's
 * pending → firing → resolved state machine, write {@code ALERTS} and {@code ALERTS_FOR_STATE}, and hand their
 * alerts to the notification pipeline. The {@link dev.vigil.alerting.rules.RuleManager} loads rule files, reloads
 * them when they change, and reports the state of every group and rule.
 */
@NullMarked
package dev.vigil.alerting.rules;

import org.jspecify.annotations.NullMarked;
