/**
 * The alerting SPI: the notification a channel delivers ({@link dev.vigil.api.alerting.Notification}, shaped
 * like Alertmanager's webhook payload) and how a plugin contributes a channel type
 * ({@link dev.vigil.api.alerting.NotificationChannelFactory}, registered in the service registry). The alerting
 * plugin tracks every factory any plugin registers, so a route can name a type as soon as the plugin that
 * provides it is active. A channel whose receiving service keeps its own acknowledged state implements
 * {@link dev.vigil.api.alerting.AcknowledgingChannel} to be told when a person acknowledges a group.
 */
@NullMarked
package dev.vigil.api.alerting;

import org.jspecify.annotations.NullMarked;
