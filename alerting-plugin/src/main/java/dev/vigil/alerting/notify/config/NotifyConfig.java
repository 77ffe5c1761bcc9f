package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The notification pipeline's configuration: the parts of an Alertmanager configuration file that decide who is
 * notified and when, plus Vigil's escalation policies. Bound from YAML with Jackson; checked as a whole by the
 * pipeline's compiler, which names each problem by its path.
 *
 * @param global the global settings ({@code resolve_timeout})
 * @param route the root of the routing tree; required
 * @param receivers the receivers, of which only the names matter here
 * @param inhibitRules the inhibition rules
 * @param timeIntervals the named time intervals
 * @param muteTimeIntervals the same as {@code time_intervals}, under the name older Alertmanager files use
 * @param escalationPolicies the named escalation policies
 */
public record NotifyConfig(
        @JsonProperty("global") GlobalConfig global,
        @JsonProperty("route") @Nullable RouteConfig route,
        @JsonProperty("receivers") List<ReceiverConfig> receivers,
        @JsonProperty("inhibit_rules") List<InhibitRuleConfig> inhibitRules,
        @JsonProperty("time_intervals") List<TimeIntervalConfig> timeIntervals,
        @JsonProperty("mute_time_intervals") List<TimeIntervalConfig> muteTimeIntervals,
        @JsonProperty("escalation_policies") List<EscalationPolicyConfig> escalationPolicies) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Copies; absent lists become empty ones and an absent {@code global} the defaults. */
    public NotifyConfig {
        global = global == null ? GlobalConfig.defaults() : global;
        receivers = ConfigLists.copy(receivers, "receivers");
        inhibitRules = ConfigLists.copy(inhibitRules, "inhibit_rules");
        timeIntervals = ConfigLists.copy(timeIntervals, "time_intervals");
        muteTimeIntervals = ConfigLists.copy(muteTimeIntervals, "mute_time_intervals");
        escalationPolicies = ConfigLists.copy(escalationPolicies, "escalation_policies");
    }

    /** A configuration with a root route and receivers only. */
    public static NotifyConfig of(RouteConfig route, List<String> receivers) {
        return new NotifyConfig(null, route, receivers.stream().map(ReceiverConfig::new).toList(), null, null, null,
                null);
    }

    /**
     * Binds a YAML document. This checks the shape only (known keys, types); the pipeline's compiler checks the
     * meaning.
     *
     * @throws NotifyConfigException naming the line or path of what could not be bound
     */
    public static NotifyConfig fromYaml(String yaml) {
        try {
            NotifyConfig config = YAML.readValue(yaml, NotifyConfig.class);
            if (config == null) {
                throw new NotifyConfigException("notification configuration", List.of("the document is empty"));
            }
            return config;
        } catch (JsonMappingException e) {
            throw new NotifyConfigException("notification configuration", List.of(describe(e)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new NotifyConfigException("notification configuration",
                    List.of((where.isEmpty() ? "" : where + ": ") + e.getOriginalMessage()));
        }
    }

    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        Throwable cause = e.getCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        return path.isEmpty() ? reason : path + ": " + reason;
    }
}
