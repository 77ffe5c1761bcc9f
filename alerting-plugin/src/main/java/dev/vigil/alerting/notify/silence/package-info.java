/**
 * Silences, one-off and recurring (maintenance windows), that mute the alerts they match.
 */
@NullMarked
package dev.vigil.alerting.notify.silence;

import org.jspecify.annotations.NullMarked;
