/**
 * {@code POST /v1/traces} of OTLP/HTTP: spans from other services into the trace store.
 * {@link dev.vigil.tracing.otlp.OtlpTracesReceiver} is the entry point; {@link dev.vigil.tracing.otlp.OtlpTracesSettings}
 * holds its settings.
 */
@NullMarked
package dev.vigil.tracing.otlp;

import org.jspecify.annotations.NullMarked;
