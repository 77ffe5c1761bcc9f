/**
 * The notification pipeline's configuration as written in the plugin's YAML (Alertmanager's `route`,
 * `inhibit_rules` and `time_intervals`, plus Vigil's `escalation_policies`): plain records bound with Jackson,
 * checked when the pipeline compiles them, with every problem reported at once and named by its path.
 */
@NullMarked
package dev.vigil.alerting.notify.config;

import org.jspecify.annotations.NullMarked;
