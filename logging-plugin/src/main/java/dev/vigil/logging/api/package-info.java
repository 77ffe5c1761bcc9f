/**
 * Vigil's own log API: search with paging, counts by severity over time, and a live tail over server-sent events.
 * {@link dev.vigil.logging.api.LogsApi} is the entry point.
 */
@NullMarked
package dev.vigil.logging.api;

import org.jspecify.annotations.NullMarked;
