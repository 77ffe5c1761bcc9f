package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;

/**
 * A channel factory whose validation and creation run the same check of the settings, so that a config that
 * validates is exactly one that creates a channel. Subclasses supply the check, which reports every problem at once
 * and yields what the channel needs, and the construction of the channel. Stateless and thread-safe when the
 * subclass is.
 *
 * @param <C> the settings type
 * @param <K> what a passed check yields for the channel (parsed URLs, compiled templates)
 */
public abstract class CheckedChannelFactory<C, K> implements NotificationChannelFactory<C> {

    private final String type;
    private final Class<C> configType;

    /** A factory for channels of {@code type}, configured with {@code configType}. */
    protected CheckedChannelFactory(String type, Class<C> configType) {
        this.type = requireNonNull(type, "type is null");
        this.configType = requireNonNull(configType, "configType is null");
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final void validate(C config) {
        check(config);
    }

    @Override
    public final NotificationChannel create(String name, C config, ChannelContext context) {
        return newChannel(name, config, check(config), context);
    }

    /**
     * Checks {@code config}.
     *
     * @throws IllegalArgumentException listing every problem found (see {@link ConfigProblems})
     */
    protected abstract K check(C config);

    /** The channel {@code name} for {@code config}, given what its check yielded. */
    protected abstract NotificationChannel newChannel(String name, C config, K checked, ChannelContext context);
}
