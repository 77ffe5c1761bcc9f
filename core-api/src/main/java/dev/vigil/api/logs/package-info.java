/**
 * The log SPI: the record model, and how consumers search, count and follow stored logs.
 *
 * <p>The model is OpenTelemetry's log data model, reduced to strings: a {@link dev.vigil.api.logs.LogRecord} has a
 * time, a {@link dev.vigil.api.logs.Severity}, a body, the attributes of the resource that emitted it (among them
 * {@code service.name}), the name of the logger (the instrumentation scope), attributes of its own, and the ids of
 * the span it was written in. The logging plugin publishes a {@link dev.vigil.api.logs.LogQuery} in the service
 * registry; another implementation can take its place without touching its consumers.
 */
@NullMarked
package dev.vigil.api.logs;

import org.jspecify.annotations.NullMarked;
