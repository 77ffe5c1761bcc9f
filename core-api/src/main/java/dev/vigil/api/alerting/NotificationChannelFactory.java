package dev.vigil.api.alerting;

import dev.vigil.api.Experimental;

/**
 * Makes channels of one type, such as {@code webhook} or {@code slack}. A plugin contributes a channel type by
 * registering a factory in the service registry; receivers in the alerting configuration name the type and
 * give its settings, which are bound to {@link #configType()} strictly (an unknown or missing field is a
 * configuration error that names the receiver, the field and why). Fields of type {@link Secret} are masked
 * wherever the configuration is shown.
 *
 * @param <C> the type the settings bind to: a record or a class Jackson can create
 */
@Experimental
public interface NotificationChannelFactory<C> {

    /** The type name receivers use, such as {@code webhook}: lower case, digits and {@code _}. */
    String type();

    /** The class the settings bind to. */
    Class<C> configType();

    /**
     * Checks settings beyond what binding checks, such as a URL's scheme.
     *
     * @throws IllegalArgumentException with a message naming the field and why
     */
    default void validate(C config) {}

    /**
     * A channel for one receiver.
     *
     * @param name the receiver's name, for logs and history
     * @param config its settings, already validated
     * @param context what the plugin offers channels
     */
    NotificationChannel create(String name, C config, ChannelContext context);
}
