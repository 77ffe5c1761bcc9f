package dev.vigil.alerting.channel.pagerduty;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.channel.Link;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@code pagerduty} channel. Only {@code routingKey} is required. Texts marked "template" take
 * the placeholders of {@link dev.vigil.alerting.channel.MessageTemplate}.
 *
 * @param routingKey the integration key of an Events API v2 integration
 * @param url the Events API endpoint (default {@value #DEFAULT_URL})
 * @param summary the alert's summary, a template (default {@code {subject}}); cut to 1024 characters
 * @param source the affected system, a template (default {@value #DEFAULT_SOURCE})
 * @param severityLabel the label whose value gives the severity (default {@code severity}); when the firing alerts
 *     disagree, the most severe wins
 * @param defaultSeverity the severity when the label is missing or not one of {@code critical}, {@code error},
 *     {@code warning}, {@code info} (default {@code error})
 * @param component the affected component, a template, or null to leave it out
 * @param group the logical group of components, a template, or null to leave it out
 * @param eventClass the class of the event ({@code class} in the settings), a template, or null to leave it out
 * @param details more {@code custom_details} entries, each a template
 * @param links links added to the event, before the alerts' source links
 * @param sendResolved whether a group's resolution resolves the PagerDuty alert (default true)
 * @param timeout how long a request may take (default 10s)
 */
public record PagerDutyConfig(Secret routingKey, String url, String summary, String source, String severityLabel,
        String defaultSeverity, @Nullable String component, @Nullable String group, @Nullable String eventClass,
        Map<String, String> details, List<Link> links, boolean sendResolved, Duration timeout) {

    /** PagerDuty's Events API v2 endpoint. */
    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

    /** The default source: the instance the alerts share, else {@code vigil}. */
    public static final String DEFAULT_SOURCE = "{commonLabels.instance|vigil}";

    /** The default request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks and copies. */
    public PagerDutyConfig {
        requireNonNull(routingKey, "routingKey is null");
        requireNonNull(url, "url is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(source, "source is null");
        requireNonNull(severityLabel, "severityLabel is null");
        requireNonNull(defaultSeverity, "defaultSeverity is null");
        details = Map.copyOf(new TreeMap<>(requireNonNull(details, "details is null")));
        links = List.copyOf(requireNonNull(links, "links is null"));
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings with the defaults for everything but {@code routingKey}. */
    public static PagerDutyConfig of(Secret routingKey) {
        return fromConfig(routingKey, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings sending to {@code url} instead. */
    public PagerDutyConfig withUrl(String url) {
        return new PagerDutyConfig(routingKey, url, summary, source, severityLabel, defaultSeverity, component, group,
                eventClass, details, links, sendResolved, timeout);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static PagerDutyConfig fromConfig(
            @JsonProperty("routingKey") @Nullable Secret routingKey,
            @JsonProperty("url") @Nullable String url,
            @JsonProperty("summary") @Nullable String summary,
            @JsonProperty("source") @Nullable String source,
            @JsonProperty("severityLabel") @Nullable String severityLabel,
            @JsonProperty("defaultSeverity") @Nullable String defaultSeverity,
            @JsonProperty("component") @Nullable String component,
            @JsonProperty("group") @Nullable String group,
            @JsonProperty("class") @Nullable String eventClass,
            @JsonProperty("details") @Nullable Map<String, String> details,
            @JsonProperty("links") @Nullable List<Link> links,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (routingKey == null) {
            throw new IllegalArgumentException("routingKey is required");
        }
        return new PagerDutyConfig(routingKey, requireNonNullElse(url, DEFAULT_URL),
                requireNonNullElse(summary, "{subject}"), requireNonNullElse(source, DEFAULT_SOURCE),
                requireNonNullElse(severityLabel, "severity"), requireNonNullElse(defaultSeverity, "error"),
                component, group, eventClass, requireNonNullElse(details, Map.of()),
                requireNonNullElse(links, List.of()), requireNonNullElse(sendResolved, true),
                requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }
}
