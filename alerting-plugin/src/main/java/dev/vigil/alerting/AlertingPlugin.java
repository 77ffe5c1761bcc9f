package dev.vigil.alerting;

import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The alerting plugin ({@code alerting}, which requires {@code metrics}): evaluates Prometheus rule files over the
 * {@code MetricQuery} service, routes the alerts through an Alertmanager-style notification pipeline with
 * acknowledgements and escalation, delivers notifications through a durable outbox to the channels of the
 * configured receivers, and serves its API. Channel types are {@code NotificationChannelFactory} services: the
 * built-in ones and any another plugin registers.
 */
public final class AlertingPlugin implements Plugin {

    private volatile @Nullable AlertingRuntime runtime;

    @Override
    public Optional<Class<?>> configType() {
        return Optional.of(AlertingConfig.class);
    }

    @Override
    public void start(PluginContext context) throws Exception {
        ConfigSection<AlertingConfig> config = context.config(AlertingConfig.class);
        AlertingRuntime started = AlertingRuntime.start(context, config);
        runtime = started;
        config.onChange(started::apply);
    }

    @Override
    public void stop(PluginContext context) {
        AlertingRuntime running = runtime;
        runtime = null;
        if (running != null) {
            running.close();
        }
    }
}
