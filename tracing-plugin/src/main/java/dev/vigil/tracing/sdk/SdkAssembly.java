package dev.vigil.tracing.sdk;

import dev.vigil.tracing.SpanSink;
import dev.vigil.tracing.sdk.SdkSettings.Propagator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link OpenTelemetrySdk} from {@link SdkSettings}: the parts OpenTelemetry provides (samplers, the OTLP
 * and logging exporters, the propagators) and the platform's own (the rate-limiting sampler, the batching processor,
 * the Zipkin and store exporters). Nothing here touches the global OpenTelemetry. Stateless.
 */
final class SdkAssembly {

    /** Counts the spans of each exporter, tagged {@code exporter} and {@code outcome} (exported, failed, dropped). */
    static final String SPANS_METER = "vigil.tracing.sdk.spans";

    private SdkAssembly() {}

    /**
     * A new SDK with its exporters' threads started.
     *
     * @throws IllegalArgumentException if an exporter cannot be built from its settings; nothing is left running
     */
    static OpenTelemetrySdk build(SdkSettings settings, SpanSink sink, Clock clock, MeterRegistry meters) {
        SdkTracerProviderBuilder tracing = SdkTracerProvider.builder()
                .setResource(resource(settings))
                .setSampler(sampler(settings.sampler(), clock))
                .setClock(new SdkClock(clock))
                .setMeterProvider(MeterProvider::noop);
        List<SpanProcessor> started = new ArrayList<>();
        try {
            Map<String, Integer> seen = new HashMap<>();
            for (ExporterSettings exporter : settings.exporters()) {
                int n = seen.merge(exporter.type(), 1, Integer::sum);
                String name = n == 1 ? exporter.type() : exporter.type() + "-" + n;
                SpanProcessor processor = BatchingSpanProcessor.start(name, exporter(exporter, sink), settings.batch(),
                        counter(meters, name, "exported"), counter(meters, name, "failed"), counter(meters, name, "dropped"));
                started.add(processor);
                tracing.addSpanProcessor(processor);
            }
        } catch (RuntimeException e) {
            started.forEach(SpanProcessor::shutdown);
            throw e;
        }
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracing.build())
                .setPropagators(propagators(settings.propagators()))
                .build();
    }

    /** The resource: OpenTelemetry's SDK attributes, the service name and the configured attributes. */
    static Resource resource(SdkSettings settings) {
        AttributesBuilder attributes = Attributes.builder();
        settings.resourceAttributes().forEach(attributes::put);
        attributes.put("service.name", settings.serviceName());
        return Resource.getDefault().merge(Resource.create(attributes.build()));
    }

    /** The sampler the settings name. */
    static Sampler sampler(SamplerSettings settings, Clock clock) {
        Sampler root = switch (settings.type()) {
            case ALWAYS_ON, PARENTBASED_ALWAYS_ON -> Sampler.alwaysOn();
            case ALWAYS_OFF, PARENTBASED_ALWAYS_OFF -> Sampler.alwaysOff();
            case TRACEIDRATIO, PARENTBASED_TRACEIDRATIO -> Sampler.traceIdRatioBased(settings.ratio());
            case RATELIMITING, PARENTBASED_RATELIMITING -> new RateLimitingSampler(settings.spansPerSecond(), clock);
        };
        return settings.type().isParentBased() ? Sampler.parentBased(root) : root;
    }

    /** The propagators, in the order given; none when the list is empty. */
    static ContextPropagators propagators(List<Propagator> names) {
        List<TextMapPropagator> propagators = new ArrayList<>(names.size());
        for (Propagator name : names) {
            propagators.add(switch (name) {
                case TRACECONTEXT -> W3CTraceContextPropagator.getInstance();
                case BAGGAGE -> W3CBaggagePropagator.getInstance();
                case B3 -> B3Propagator.injectingSingleHeader();
                case B3MULTI -> B3Propagator.injectingMultiHeaders();
            });
        }
        return propagators.isEmpty() ? ContextPropagators.noop() : ContextPropagators.create(TextMapPropagator.composite(propagators));
    }

    private static SpanExporter exporter(ExporterSettings settings, SpanSink sink) {
        if (settings instanceof ExporterSettings.Otlp otlp) {
            OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                    .setEndpoint(otlp.endpoint().toString())
                    .setTimeout(otlp.timeout())
                    .setCompression(otlp.gzip() ? "gzip" : "none")
                    // the exporter's own meters would go to the global OpenTelemetry, which belongs to an embedding app
                    .setMeterProvider(MeterProvider.noop())
                    // its HTTP sender is found with ServiceLoader: look in this plugin's loader, whatever the thread's
                    .setComponentLoader(ComponentLoader.forClassLoader(SdkAssembly.class.getClassLoader()));
            otlp.headers().forEach(builder::addHeader);
            return builder.build();
        }
        if (settings instanceof ExporterSettings.Zipkin zipkin) {
            return new ZipkinSpanExporter(zipkin.endpoint(), zipkin.timeout());
        }
        if (settings instanceof ExporterSettings.Logging) {
            return LoggingSpanExporter.create();
        }
        return new StoreSpanExporter(sink);
    }

    private static Counter counter(MeterRegistry meters, String exporter, String outcome) {
        return Counter.builder(SPANS_METER)
                .description("Spans of the platform's own traces by exporter and outcome: exported, failed (export failed or "
                        + "timed out) or dropped (queue full, or ended after shutdown)")
                .baseUnit("spans")
                .tag("exporter", exporter)
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * Span timestamps: the wall time from the platform's clock, so that spans agree with everything else the platform
     * stamps (and a test's clock drives both), and elapsed time from the monotonic timer, so that durations stay exact.
     */
    private static final class SdkClock implements io.opentelemetry.sdk.common.Clock {
        private final Clock clock;

        SdkClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long now() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    }
}
