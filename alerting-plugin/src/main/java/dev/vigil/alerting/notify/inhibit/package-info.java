/**
 * Inhibition rules: a firing source alert mutes target alerts that share the rule's `equal` labels.
 */
@NullMarked
package dev.vigil.alerting.notify.inhibit;

import org.jspecify.annotations.NullMarked;
