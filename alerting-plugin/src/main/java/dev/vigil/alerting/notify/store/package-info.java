/**
 * The alerts the pipeline knows, merged by fingerprint as Alertmanager does.
 */
@NullMarked
package dev.vigil.alerting.notify.store;

import org.jspecify.annotations.NullMarked;
