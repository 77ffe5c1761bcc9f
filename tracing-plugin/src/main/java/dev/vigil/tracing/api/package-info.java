/**
 * Vigil's own trace API: traces as trees, search, services and operations, the service map, a trace's critical path
 * and an operation's bottlenecks. {@link dev.vigil.tracing.api.TracesApi} is the entry point.
 */
@NullMarked
package dev.vigil.tracing.api;

import org.jspecify.annotations.NullMarked;
