package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The baseline of {@link TracerBenchmark}: an OpenTelemetry SDK tracer as an application builds it, with the
 * platform's resource (OpenTelemetry's default resource and {@code service.name=vigil}), the {@code always_on} sampler
 * and OpenTelemetry's {@link BatchSpanProcessor} with its default queue (2,048), batches (512) and delay (5 s),
 * exporting with the same exporter as the platform's side (see {@link TracerSide}), counted.
 * The same {@link TracingKernel} as the platform's side runs beside it, idle (see {@link TracerSide}).
 */
@State(Scope.Benchmark)
public class BareTracer extends TracerSide {

    private final LongAdder exported = new LongAdder();
    private SdkTracerProvider provider;

    @Override
    String name() {
        return "bare";
    }

    @Override
    Tracer open(TracingKernel kernel) {
        SpanExporter logging = LoggingSpanExporter.create();
        SpanExporter counted = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.add(spans.size());
                return logging.export(spans);
            }

            @Override
            public CompletableResultCode flush() {
                return logging.flush();
            }

            @Override
            public CompletableResultCode shutdown() {
                return logging.shutdown();
            }
        };
        provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "vigil"))))
                .setSampler(Sampler.alwaysOn())
                .setMeterProvider(MeterProvider::noop)
                .addSpanProcessor(BatchSpanProcessor.builder(counted)
                        .setMaxQueueSize(2048)
                        .setMaxExportBatchSize(512)
                        .setScheduleDelay(Duration.ofSeconds(5))
                        .setExporterTimeout(Duration.ofSeconds(30))
                        .setMeterProvider(MeterProvider::noop)
                        .build())
                .build();
        return provider.get("dev.vigil.platform");
    }

    @Override
    void close() {
        provider.close();
    }

    /** The bare processor publishes no drop count: what was ended and not exported once the queue is flushed. */
    @Override
    long dropped() {
        provider.forceFlush().join(30, TimeUnit.SECONDS);
        return ended - exported.sum();
    }
}
