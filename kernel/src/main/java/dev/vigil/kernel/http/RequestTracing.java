package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpMethod;
import io.javalin.http.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Server spans for the requests the server routes to a handler, made with the {@link OpenTelemetry} that the
 * tracing plugin (or an embedding application) publishes in the service registry, looked up at each request; none
 * while nobody publishes one. An incoming {@code traceparent} (or whatever the instance's propagators read) is
 * continued. The span is current while the handler runs, so what the handler logs and the spans it starts belong to
 * the request. Named {@code METHOD route} after the route's template, with the HTTP semantic-convention attributes;
 * a 5xx answer marks it as an error. Thread-safe.
 */
final class RequestTracing {

    /** No spans at all, for servers that are not traced (the OTLP listener, whose requests are telemetry). */
    static final RequestTracing NONE = new RequestTracing(Optional::empty);

    static final String SCOPE = "dev.vigil.kernel.http";

    // keys() is deprecated in the API but still the one abstract way to list carrier keys
    @SuppressWarnings("deprecation")
    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public @Nullable String get(@Nullable HttpServletRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Supplier<Optional<OpenTelemetry>> telemetry;

    /** Tracing with what {@code telemetry} finds at each request. */
    RequestTracing(Supplier<Optional<OpenTelemetry>> telemetry) {
        this.telemetry = requireNonNull(telemetry, "telemetry is null");
    }

    /** Runs {@code handler} for the request in a server span, when there is an OpenTelemetry to make one. */
    void around(Context ctx, HttpMethod method, String path, String routeTemplate, Runnable handler) {
        Optional<OpenTelemetry> found = telemetry.get();
        if (found.isEmpty()) {
            handler.run();
            return;
        }
        OpenTelemetry otel = found.get();
        HttpServletRequest request = ctx.req();
        io.opentelemetry.context.Context parent = otel.getPropagators().getTextMapPropagator()
                .extract(io.opentelemetry.context.Context.root(), request, HEADERS);
        Tracer tracer = otel.getTracer(SCOPE);
        Span span = tracer.spanBuilder(method.name() + " " + routeTemplate)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method.name())
                .setAttribute("http.route", routeTemplate)
                .setAttribute("url.path", path)
                .setAttribute("url.scheme", request.getScheme())
                .setAttribute("server.address", request.getServerName())
                .setAttribute("server.port", (long) request.getServerPort())
                .setAttribute("client.address", request.getRemoteAddr())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            handler.run();
        } finally {
            int status = ctx.res().getStatus();
            span.setAttribute("http.response.status_code", (long) status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
