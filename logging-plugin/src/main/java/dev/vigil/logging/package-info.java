/**
 * The logging plugin: the platform's Logback outputs, configured at run time, with trace correlation and
 * redaction; log ingest over OTLP/HTTP; an embedded log store behind {@link dev.vigil.api.logs.LogQuery} with
 * Loki's query API; and error tracking.
 */
@NullMarked
package dev.vigil.logging;

import org.jspecify.annotations.NullMarked;
