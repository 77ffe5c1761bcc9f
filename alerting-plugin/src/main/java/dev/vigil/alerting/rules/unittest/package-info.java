/**
 * Rule unit tests in the format of {@code promtool test rules}: input series in the expanding notation, rule
 * groups evaluated step by step as promtool evaluates them, and the expected alerts and query results compared
 * with a promtool-style diff. Works over any {@code MetricStore} and {@code MetricQuery} the caller supplies.
 */
@NullMarked
package dev.vigil.alerting.rules.unittest;

import org.jspecify.annotations.NullMarked;
