package dev.vigil.alerting.channel.opsgenie;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@code opsgenie} channel. Only {@code apiKey} is required. Texts marked "template" take the
 * placeholders of {@link dev.vigil.alerting.channel.MessageTemplate}.
 *
 * @param apiKey the key of an API integration, sent as {@code Authorization: GenieKey …}
 * @param apiUrl the API's base URL (default {@value #DEFAULT_API_URL}; {@code https://api.eu.opsgenie.com} for the
 *     EU instance)
 * @param message the alert's message, a template (default {@code {subject}}); cut to 130 characters
 * @param description the alert's description, a template, or null (the default) for a listing of the alerts; cut
 *     to 15000 characters
 * @param priority {@code P1} to {@code P5}, or a template giving one, or null to let Opsgenie choose ({@code P3});
 *     a template giving anything else leaves the priority out
 * @param tags tags of the alert, each a template; at most 20
 * @param details more alert details, each a template, added to the group's common labels
 * @param responders who the alert is routed to
 * @param entity the alert's entity, a template, or null
 * @param source the alert's source (default {@code Vigil})
 * @param sendResolved whether a group's resolution closes the Opsgenie alert (default true)
 * @param timeout how long a request may take (default 10s)
 */
public record OpsgenieConfig(Secret apiKey, String apiUrl, String message, @Nullable String description,
        @Nullable String priority, List<String> tags, Map<String, String> details, List<OpsgenieResponder> responders,
        @Nullable String entity, String source, boolean sendResolved, Duration timeout) {

    /** Opsgenie's API. */
    public static final String DEFAULT_API_URL = "https://api.opsgenie.com";

    /** The default request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks and copies. */
    public OpsgenieConfig {
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(apiUrl, "apiUrl is null");
        requireNonNull(message, "message is null");
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        details = Map.copyOf(new TreeMap<>(requireNonNull(details, "details is null")));
        responders = List.copyOf(requireNonNull(responders, "responders is null"));
        requireNonNull(source, "source is null");
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings with the defaults for everything but {@code apiKey}. */
    public static OpsgenieConfig of(Secret apiKey) {
        return fromConfig(apiKey, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static OpsgenieConfig fromConfig(
            @JsonProperty("apiKey") @Nullable Secret apiKey,
            @JsonProperty("apiUrl") @Nullable String apiUrl,
            @JsonProperty("message") @Nullable String message,
            @JsonProperty("description") @Nullable String description,
            @JsonProperty("priority") @Nullable String priority,
            @JsonProperty("tags") @Nullable List<String> tags,
            @JsonProperty("details") @Nullable Map<String, String> details,
            @JsonProperty("responders") @Nullable List<OpsgenieResponder> responders,
            @JsonProperty("entity") @Nullable String entity,
            @JsonProperty("source") @Nullable String source,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (apiKey == null) {
            throw new IllegalArgumentException("apiKey is required");
        }
        return new OpsgenieConfig(apiKey, requireNonNullElse(apiUrl, DEFAULT_API_URL),
                requireNonNullElse(message, "{subject}"), description, priority, requireNonNullElse(tags, List.of()),
                requireNonNullElse(details, Map.of()), requireNonNullElse(responders, List.of()), entity,
                requireNonNullElse(source, "Vigil"), requireNonNullElse(sendResolved, true),
                requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }
}
