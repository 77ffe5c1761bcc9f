/**
 * The notification history: every delivery attempt the outbox makes (what, to whom, when, with what result),
 * kept in append-only files in the data folder, bounded by age and size, and queried newest first with paging.
 */
@NullMarked
package dev.vigil.alerting.outbox.history;

import org.jspecify.annotations.NullMarked;
