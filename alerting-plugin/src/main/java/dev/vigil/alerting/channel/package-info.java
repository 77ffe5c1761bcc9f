/**
 * The built-in notification channels and what they share: HTTP delivery with the outcome mapping every channel
 * uses ({@link dev.vigil.alerting.channel.ChannelHttp}), {@code Retry-After} handling, secret redaction, the
 * texts derived from a notification (Alertmanager's default subject, alert listings), title templates, and the
 * collection of configuration problems. Each channel type lives in a subpackage; {@link
 * dev.vigil.alerting.channel.BuiltInChannels} lists their factories.
 */
@NullMarked
package dev.vigil.alerting.channel;

import org.jspecify.annotations.NullMarked;
