/**
 * The pipeline's durable state: JSON snapshots in the data directory, written atomically.
 */
@NullMarked
package dev.vigil.alerting.notify.state;

import org.jspecify.annotations.NullMarked;
