/**
 * The notification pipeline: Alertmanager's routing tree, grouping and timers, inhibition and silences, and
 * Vigil's acknowledgements, escalation and recurring silences.
 */
@NullMarked
package dev.vigil.alerting.notify;

import org.jspecify.annotations.NullMarked;
