/** The {@code pagerduty} channel: PagerDuty Events API v2 alert events (trigger, acknowledge, resolve). */
@NullMarked
package dev.vigil.alerting.channel.pagerduty;

import org.jspecify.annotations.NullMarked;
