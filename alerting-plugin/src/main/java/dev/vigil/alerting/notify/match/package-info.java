/**
 * Alertmanager's label matchers (`name=~"regex"` and friends): parsing, matching and their canonical text.
 */
@NullMarked
package dev.vigil.alerting.notify.match;

import org.jspecify.annotations.NullMarked;
