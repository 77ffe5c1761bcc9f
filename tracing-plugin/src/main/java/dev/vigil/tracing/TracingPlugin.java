package dev.vigil.tracing;

import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tracing plugin ({@code tracing}): the platform's OpenTelemetry SDK (published as {@code OpenTelemetry} and
 * {@code Tracer}, so the kernel's HTTP server and other plugins trace through it), trace ingest over OTLP/HTTP and
 * Zipkin v2, an embedded trace store with Zipkin's query API and Vigil's, span metrics, the service map, critical
 * paths and bottlenecks.
 */
public final class TracingPlugin implements Plugin {

    private volatile @Nullable TracingRuntime runtime;

    @Override
    public Optional<Class<?>> configType() {
        return Optional.of(TracingConfig.class);
    }

    @Override
    public void start(PluginContext context) throws Exception {
        ConfigSection<TracingConfig> config = context.config(TracingConfig.class);
        TracingRuntime started = TracingRuntime.start(context, config);
        runtime = started;
        config.onChange(started::apply);
    }

    @Override
    public void stop(PluginContext context) {
        TracingRuntime running = runtime;
        runtime = null;
        if (running != null) {
            running.close();
        }
    }
}
