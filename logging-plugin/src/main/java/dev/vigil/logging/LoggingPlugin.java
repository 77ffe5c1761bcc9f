package dev.vigil.logging;

import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The logging plugin ({@code logging}): takes over the platform's Logback outputs (console, rolling file, syslog)
 * with trace correlation and redaction, receives OTLP/HTTP logs, keeps every record in an embedded log store served
 * through Loki's query API and Vigil's own, tracks the exceptions in them as error issues, and counts log-based
 * metrics into the metric store.
 */
public final class LoggingPlugin implements Plugin {

    private volatile @Nullable LoggingRuntime runtime;

    @Override
    public Optional<Class<?>> configType() {
        return Optional.of(LoggingConfig.class);
    }

    @Override
    public void start(PluginContext context) throws Exception {
        ConfigSection<LoggingConfig> config = context.config(LoggingConfig.class);
        LoggingRuntime started = LoggingRuntime.start(context, config);
        runtime = started;
        config.onChange(started::apply);
    }

    @Override
    public void stop(PluginContext context) {
        LoggingRuntime running = runtime;
        runtime = null;
        if (running != null) {
            running.close();
        }
    }
}
