package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's part of Alertmanager's {@code global} section. The other global settings (SMTP, Slack URLs …)
 * belong to the channels and are ignored here.
 *
 * @param resolveTimeout how long an alert that arrives without {@code endsAt} stays firing when it is not sent
 *     again ({@code 5m} when absent)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GlobalConfig(@JsonProperty("resolve_timeout") @Nullable String resolveTimeout) {

    /** The defaults. */
    public static GlobalConfig defaults() {
        return new GlobalConfig(null);
    }
}
