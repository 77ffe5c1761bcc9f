package dev.vigil.alerting.channel.opsgenie;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code opsgenie} channels. The channels it makes are also {@link
 * dev.vigil.api.alerting.AcknowledgingChannel}s. Stateless and thread-safe.
 */
public final class OpsgenieChannelFactory
        extends CheckedChannelFactory<OpsgenieConfig, OpsgenieChannelFactory.Checked> {

    /** The type name receivers use. */
    public static final String TYPE = "opsgenie";

    private static final int MAX_TAGS = 20;

    /** A factory for {@code opsgenie} channels. */
    public OpsgenieChannelFactory() {
        super(TYPE, OpsgenieConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, OpsgenieConfig config,
            Checked checked, ChannelContext context) {
        return new OpsgenieChannel(name, config, checked.apiUrl(), checked.requests(), context);
    }

    record Checked(URI apiUrl, OpsgenieRequests requests) {}

    @Override
    protected Checked check(OpsgenieConfig config) {
        ConfigProblems problems = new ConfigProblems();
        problems.requiredSecret("apiKey", config.apiKey());
        URI apiUrl = problems.baseUrl("apiUrl", config.apiUrl()).orElse(null);
        MessageTemplate message = problems.template("message", config.message()).orElse(null);
        MessageTemplate description = optional(problems, "description", config.description());
        MessageTemplate priority = optional(problems, "priority", config.priority());
        String priorityText = config.priority();
        if (priorityText != null && priorityText.indexOf('{') < 0
                && !OpsgenieRequests.PRIORITY.matcher(priorityText).matches()) {
            problems.add("priority", "must be one of P1, P2, P3, P4, P5, got '" + priorityText + "'");
        }
        if (config.tags().size() > MAX_TAGS) {
            problems.add("tags", "Opsgenie takes at most " + MAX_TAGS + " tags, got " + config.tags().size());
        }
        List<MessageTemplate> tags = new ArrayList<>();
        for (int i = 0; i < config.tags().size(); i++) {
            problems.template("tags[" + i + "]", config.tags().get(i)).ifPresent(tags::add);
        }
        Map<String, MessageTemplate> details = new TreeMap<>();
        config.details().forEach((key, text) -> problems.template("details." + key, text)
                .ifPresent(t -> details.put(key, t)));
        for (int i = 0; i < config.responders().size(); i++) {
            config.responders().get(i).check("responders[" + i + "]", problems);
        }
        MessageTemplate entity = optional(problems, "entity", config.entity());
        if (config.source().isBlank()) {
            problems.add("source", "must not be empty");
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return new Checked(apiUrl, new OpsgenieRequests(config, message, description, priority, List.copyOf(tags),
                Map.copyOf(details), entity));
    }

    private static @Nullable MessageTemplate optional(ConfigProblems problems, String field, @Nullable String text) {
        return problems.template(field, text).orElse(null);
    }
}
