package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A receiver as far as routing cares: its name. Its channel configurations ({@code webhook_configs},
 * {@code slack_configs} …) belong to the outbox and channels, and are ignored here.
 *
 * @param name the name routes and escalation tiers refer to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceiverConfig(@JsonProperty("name") @Nullable String name) {}
