/**
 * The routing tree: which routes an alert matches, with which receiver, grouping and timers.
 */
@NullMarked
package dev.vigil.alerting.notify.route;

import org.jspecify.annotations.NullMarked;
