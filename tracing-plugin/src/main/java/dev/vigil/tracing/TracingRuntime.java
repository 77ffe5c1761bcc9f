package dev.vigil.tracing;

import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.Health;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.tracing.analysis.SpanMetrics;
import dev.vigil.tracing.api.TracesApi;
import dev.vigil.tracing.otlp.OtlpTracesReceiver;
import dev.vigil.tracing.sdk.PlatformTelemetry;
import dev.vigil.tracing.store.TraceStore;
import dev.vigil.tracing.zipkin.ZipkinApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracing plugin while it runs:
 *
 * <pre>
 *   platform's own spans ─ OpenTelemetry SDK ─┬─ OTLP, Zipkin, logging exporters
 *                                             └─ store exporter ─┐
 *   OTLP/HTTP /v1/traces, Zipkin POST /api/v2/spans ─────────────┴─ trace store ─┬─ span metrics ─ MetricStore
 *                                                                                └─ TraceQuery: Zipkin API, /api/v1/traces …
 * </pre>
 *
 * The SDK follows configuration changes at once; the store, the receivers and span metrics take theirs when the
 * plugin next starts.
 */
final class TracingRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TracingRuntime.class);
    private static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(1);

    private final PluginContext context;
    private final Deque<AutoCloseable> resources;
    private final TraceStore store;
    private final PlatformTelemetry telemetry;
    private final SpanMetrics spanMetrics;
    private final AtomicBoolean observerFailureLogged = new AtomicBoolean();
    private volatile TracingConfig config;

    private TracingRuntime(PluginContext context, Deque<AutoCloseable> resources, TraceStore store, PlatformTelemetry telemetry,
            SpanMetrics spanMetrics, TracingConfig config) {
        this.context = context;
        this.resources = resources;
        this.store = store;
        this.telemetry = telemetry;
        this.spanMetrics = spanMetrics;
        this.config = config;
    }

    /**
     * Opens the store in the plugin's data folder, starts the SDK, and registers the receivers, the APIs and the
     * {@link TraceQuery}, {@link OpenTelemetry} and {@link Tracer} services.
     *
     * @throws IOException if the store cannot be opened
     */
    static TracingRuntime start(PluginContext context, ConfigSection<TracingConfig> section) throws IOException {
        TracingConfig config = section.get();
        Clock clock = context.clock();
        Path data = context.dataDirectory();
        MeterRegistry meters = context.services().find(MeterRegistry.class).orElseGet(SimpleMeterRegistry::new);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            TraceStore store = TraceStore.open(data.resolve("store"), config.store(), clock);
            resources.push(store);
            SpanMetrics spanMetrics = new SpanMetrics(clock);
            SpanSink[] pipeline = new SpanSink[1];
            PlatformTelemetry telemetry = PlatformTelemetry.start(config.sdk(), spans -> pipeline[0].accept(spans), clock, meters);
            resources.push(telemetry);
            TracingRuntime runtime = new TracingRuntime(context, resources, store, telemetry, spanMetrics, config);
            pipeline[0] = runtime::store;
            runtime.wire(meters);
            LOG.info("Tracing started: store in {} ({} spans), service {}", data.resolve("store"), store.spanCount(),
                    config.sdk().serviceName());
            return runtime;
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private void wire(MeterRegistry meters) {
        SpanSink pipeline = this::store;
        context.services().register(TraceQuery.class, store);
        context.services().register(OpenTelemetry.class, telemetry.openTelemetry());
        context.services().register(Tracer.class, telemetry.tracer());
        if (config.otlp().enabled()) {
            context.otlpRoutes().add(HttpMethod.POST, "/v1/traces", RouteAccess.PUBLIC, new OtlpTracesReceiver(pipeline, config.otlp(), meters));
        }
        new ZipkinApi(store, pipeline, config.zipkin(), context.clock(), meters).register(context.routes());
        new TracesApi(store, context.clock()).register(context.routes());
        context.routes().get("/api/v1/tracing/status", exchange -> exchange.json(200, Map.of("status", "success", "data",
                Map.of("spans", store.spanCount(), "bytesOnDisk", store.bytesOnDisk(), "heldForTailSampling", store.heldSpans()))));
        context.scheduler().scheduleAtFixedRate(store::maintain, MAINTENANCE_INTERVAL, MAINTENANCE_INTERVAL);
        if (config.spanMetrics()) {
            context.scheduler().scheduleAtFixedRate(this::flushSpanMetrics, config.spanMetricsInterval(), config.spanMetricsInterval());
        }
        context.health().register("store", () -> Health.up(Map.of("spans", store.spanCount(), "bytes", store.bytesOnDisk())));
    }

    /** Stores a batch, then counts it into the span metrics. */
    private void store(List<SpanRecord> spans) {
        store.accept(spans);
        if (!config.spanMetrics()) {
            return;
        }
        try {
            spanMetrics.observe(spans);
        } catch (RuntimeException e) {
            // the spans are stored; span metrics must not make their sender retry them
            if (observerFailureLogged.compareAndSet(false, true)) {
                LOG.warn("Span metrics failed on stored spans (logged once)", e);
            }
        }
    }

    private void flushSpanMetrics() {
        context.services().find(MetricStore.class).ifPresent(spanMetrics::flush);
    }

    /** Applies a changed configuration: the SDK at once, the rest on restart. */
    void apply(TracingConfig changed) {
        telemetry.apply(changed.sdk());
        if (config.needsRestartFor(changed)) {
            LOG.warn("Changes to tracing.store, tracing.receivers, tracing.zipkin or the span metrics apply when the plugin restarts");
        }
        config = changed;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly", resource, e);
            }
        }
    }
}
