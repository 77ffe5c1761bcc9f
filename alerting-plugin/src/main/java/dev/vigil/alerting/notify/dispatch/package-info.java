/**
 * Aggregation groups and their timers, the notification log that decides what is new, and the
 * notifications handed to the outbox.
 */
@NullMarked
package dev.vigil.alerting.notify.dispatch;

import org.jspecify.annotations.NullMarked;
