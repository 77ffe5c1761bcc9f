/**
 * What is computed from stored spans: span metrics (request rate, errors and a duration histogram per service,
 * operation, kind and status, written to the metric store), the service map (caller → callee edges), a trace's
 * critical path, and the child operations that account for most of an operation's time.
 */
@NullMarked
package dev.vigil.tracing.analysis;

import org.jspecify.annotations.NullMarked;
