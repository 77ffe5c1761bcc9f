package dev.vigil.api.traces;

import dev.vigil.api.Experimental;

/** What a span stands for in the call graph, as in OpenTelemetry. */
@Experimental
public enum SpanKind {
    /** Not given by the source. */
    UNSPECIFIED,
    /** Work inside a service. */
    INTERNAL,
    /** The handling of a request a service received. */
    SERVER,
    /** A request a service sent. */
    CLIENT,
    /** A message sent for later handling. */
    PRODUCER,
    /** The handling of a message received. */
    CONSUMER
}
