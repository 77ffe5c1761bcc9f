package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The baseline of {@link TracerBenchmark}: an OpenTelemetry SDK tracer as an application builds it, with the
 * platform's resource (OpenTelemetry's default resource and {@code service.name=vigil}), the {@code always_on} sampler
 * and OpenTelemetry's {@link BatchSpanProcessor} with its default queue (2,048), batches (512) and delay (5 s),
 * exporting with the same exporter as the platform's side (see {@link TracerSide}), counted.
 *
 * <p>The same {@link TracingKernel} as the platform's side runs beside it, unused, so that both sides are measured in
 * the same JVM: the same threads and heap, and the same classes and thread-locals created before the tracer. (A
 * thread-local's slot in a thread's table follows from how many were created before it; without the kernel, the
 * current context's thread-local lands elsewhere in the benchmark thread's table than with it, and one side pays for
 * collisions the other does not.)
 */
@State(Scope.Benchmark)
public class BareTracer extends TracerSide {

    private final LongAdder exported = new LongAdder();
    private TracingKernel kernel;
    private SdkTracerProvider provider;
    private Tracer tracer;
    private Span parentSpan;
    private Context parent;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        onOwnThread("bare-setup", () -> {
            kernel = TracingKernel.start();
            provider = provider();
            tracer = provider.get("dev.vigil.platform");
            parentSpan = parentSpan(tracer);
            parent = Context.root().with(parentSpan);
            return null;
        });
    }

    private SdkTracerProvider provider() {
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
        return SdkTracerProvider.builder()
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
    }

    @TearDown(Level.Iteration)
    public void report() throws Exception {
        report("bare");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onOwnThread("bare-teardown", () -> {
            parentSpan.end();
            provider.close();
            kernel.close();
            return null;
        });
    }

    /** The bare processor publishes no drop count: what was ended and not exported once the queue is flushed. */
    @Override
    long dropped() {
        provider.forceFlush().join(30, TimeUnit.SECONDS);
        return ended - exported.sum();
    }

    @Override
    Tracer tracer() {
        return tracer;
    }

    @Override
    Context parent() {
        return parent;
    }
}
