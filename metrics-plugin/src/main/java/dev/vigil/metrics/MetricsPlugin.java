package dev.vigil.metrics;

import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The metrics plugin ({@code metrics}): publishes the platform's Micrometer {@code MeterRegistry}, the
 * {@code MetricStore} and the PromQL engine as {@code MetricQuery}, serves {@code /metrics} and Prometheus's query
 * API, receives samples over OTLP/HTTP and remote write, scrapes configured targets, and sends what it stores on
 * to remote-write endpoints.
 */
public final class MetricsPlugin implements Plugin {

    private volatile @Nullable MetricsRuntime runtime;

    @Override
    public Optional<Class<?>> configType() {
        return Optional.of(MetricsConfig.class);
    }

    @Override
    public void start(PluginContext context) throws Exception {
        ConfigSection<MetricsConfig> config = context.config(MetricsConfig.class);
        MetricsRuntime started = MetricsRuntime.start(context, config.get());
        runtime = started;
        config.onChange(started::apply);
    }

    @Override
    public void stop(PluginContext context) {
        MetricsRuntime running = runtime;
        runtime = null;
        if (running != null) {
            running.close();
        }
    }
}
