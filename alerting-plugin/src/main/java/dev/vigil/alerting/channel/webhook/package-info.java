/**
 * The {@code webhook} channel: Alertmanager's webhook payload (version 4), so that receivers written for
 * Alertmanager work unchanged.
 */
@NullMarked
package dev.vigil.alerting.channel.webhook;

import org.jspecify.annotations.NullMarked;
