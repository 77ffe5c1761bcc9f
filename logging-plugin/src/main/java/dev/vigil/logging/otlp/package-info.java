/**
 * {@code POST /v1/logs} of OTLP/HTTP: log records from other services, redacted, into the log store.
 * {@link dev.vigil.logging.otlp.OtlpLogsReceiver} is the entry point.
 */
@NullMarked
package dev.vigil.logging.otlp;

import org.jspecify.annotations.NullMarked;
