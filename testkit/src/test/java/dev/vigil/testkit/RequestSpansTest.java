package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The kernel's API server makes a server span per request once a plugin publishes an OpenTelemetry. */
class RequestSpansTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @Test
    void aRequestRunsInAServerSpanThatContinuesTheIncomingTraceparent() throws Exception {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        Plugin traced = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.services().register(OpenTelemetry.class, sdk);
                context.routes().add(HttpMethod.GET, "/api/v1/orders/{id}", RouteAccess.PUBLIC, exchange -> {
                    seen.set(Span.current().getSpanContext());
                    exchange.text(exchange.pathParam("id").equals("boom") ? 503 : 200, "ok");
                });
            }
        };
        try (TestKernel kernel = TestKernel.builder().plugin("traced", "1.0.0", () -> traced).start()) {
            kernel.send(HttpRequest.newBuilder(kernel.uri().resolve("/api/v1/orders/7"))
                    .header("traceparent", "00-" + TRACE + "-" + PARENT + "-01"));
            kernel.get("/api/v1/orders/boom");

            List<SpanData> spans = exported.getFinishedSpanItems();
            assertThat(spans).hasSize(2);
            SpanData first = spans.get(0);
            assertThat(first.getName()).isEqualTo("GET /api/v1/orders/{id}");
            assertThat(first.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(first.getTraceId()).isEqualTo(TRACE);
            assertThat(first.getParentSpanId()).isEqualTo(PARENT);
            assertThat(first.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/api/v1/orders/{id}");
            assertThat(first.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/api/v1/orders/7");
            assertThat(first.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
            assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

            SpanData second = spans.get(1);
            assertThat(second.getParentSpanContext().isValid()).as("a new trace without traceparent").isFalse();
            assertThat(second.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(seen.get().getSpanId()).as("the handler ran in the server span").isEqualTo(second.getSpanId());

            assertThat(kernel.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName).contains("GET /health/ready");
        } finally {
            sdk.close();
        }
    }

    @Test
    void withoutAnOpenTelemetryServiceNoSpanIsMade() throws Exception {
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        Plugin plain = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.routes().get("/api/v1/plain", exchange -> {
                    seen.set(Span.current().getSpanContext());
                    exchange.text(200, "ok");
                });
            }
        };
        try (TestKernel kernel = TestKernel.builder().plugin("plain", "1.0.0", () -> plain).start()) {
            assertThat(kernel.get("/api/v1/plain").statusCode()).isEqualTo(200);
            assertThat(seen.get().isValid()).isFalse();
        }
    }
}
