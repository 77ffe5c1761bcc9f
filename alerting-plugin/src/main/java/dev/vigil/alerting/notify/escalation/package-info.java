/**
 * Escalation policies: a firing group that nobody acknowledges is notified, tier by tier, to further
 * receivers.
 */
@NullMarked
package dev.vigil.alerting.notify.escalation;

import org.jspecify.annotations.NullMarked;
