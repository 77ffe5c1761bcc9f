/**
 * Time intervals in Alertmanager's syntax (times of day, weekdays, days of the month, months, years, time
 * zone), used to mute or activate routes and as the schedule of recurring silences.
 */
@NullMarked
package dev.vigil.alerting.notify.time;

import org.jspecify.annotations.NullMarked;
