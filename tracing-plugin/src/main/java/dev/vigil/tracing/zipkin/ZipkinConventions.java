package dev.vigil.tracing.zipkin;

/**
 * The names under which the parts of a Zipkin span that OpenTelemetry's span has no field for are kept as attributes,
 * and the tags that stand for a part it does have. The endpoint attributes are OpenTelemetry's semantic conventions;
 * the status and scope tags are those OpenTelemetry's Zipkin exporters write.
 */
final class ZipkinConventions {

    /** {@code remoteEndpoint.serviceName}: the service on the other side of the call. */
    static final String PEER_SERVICE = "peer.service";
    /** {@code remoteEndpoint.ipv4} (else {@code ipv6}): the address on the other side of the call. */
    static final String PEER_ADDRESS = "network.peer.address";
    /** {@code remoteEndpoint.port}. */
    static final String PEER_PORT = "network.peer.port";
    /** {@code localEndpoint.ipv4} (else {@code ipv6}): the address of the host that recorded the span. */
    static final String LOCAL_ADDRESS = "network.local.address";
    /** {@code localEndpoint.port}. */
    static final String LOCAL_PORT = "network.local.port";
    /** {@code shared: true}: the span's id was also used by the other side of the call. */
    static final String SHARED = "zipkin.shared";
    /** {@code debug: true}: the sender asked for the span to be kept whatever the sampling. */
    static final String DEBUG = "zipkin.debug";

    /** The tag whose presence marks a failed span; its value is the error's message. */
    static final String ERROR_TAG = "error";
    /** The tag that carries an OpenTelemetry status code, {@code OK} or {@code ERROR}. */
    static final String STATUS_CODE_TAG = "otel.status_code";
    /** The tag that carries an OpenTelemetry status description when there is no {@code error} tag. */
    static final String STATUS_DESCRIPTION_TAG = "otel.status_description";
    /** The tag that carries the instrumentation scope's name. */
    static final String SCOPE_TAG = "otel.scope.name";
    /** What older OpenTelemetry exporters called {@link #SCOPE_TAG}. */
    static final String LEGACY_SCOPE_TAG = "otel.library.name";

    private ZipkinConventions() {}
}
