package dev.vigil.alerting.channel.pagerduty;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code pagerduty} channels. The channels it makes are also {@link
 * dev.vigil.api.alerting.AcknowledgingChannel}s. Stateless and thread-safe.
 */
public final class PagerDutyChannelFactory
        extends CheckedChannelFactory<PagerDutyConfig, PagerDutyChannelFactory.Checked> {

    /** The type name receivers use. */
    public static final String TYPE = "pagerduty";

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** A factory for {@code pagerduty} channels. */
    public PagerDutyChannelFactory() {
        super(TYPE, PagerDutyConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, PagerDutyConfig config,
            Checked checked, ChannelContext context) {
        return new PagerDutyChannel(name, config, checked.url(), checked.events(), context);
    }

    record Checked(URI url, PagerDutyEvent events) {}

    @Override
    protected Checked check(PagerDutyConfig config) {
        ConfigProblems problems = new ConfigProblems();
        problems.requiredSecret("routingKey", config.routingKey());
        URI url = problems.httpUrl("url", config.url()).orElse(null);
        MessageTemplate summary = problems.template("summary", config.summary()).orElse(null);
        MessageTemplate source = problems.template("source", config.source()).orElse(null);
        MessageTemplate component = optional(problems, "component", config.component());
        MessageTemplate group = optional(problems, "group", config.group());
        MessageTemplate eventClass = optional(problems, "class", config.eventClass());
        if (!LABEL_NAME.matcher(config.severityLabel()).matches()) {
            problems.add("severityLabel", "'" + config.severityLabel() + "' is not a label name");
        }
        if (!PagerDutyEvent.SEVERITIES.contains(config.defaultSeverity())) {
            problems.add("defaultSeverity", "must be one of " + PagerDutyEvent.SEVERITIES + ", got '"
                    + config.defaultSeverity() + "'");
        }
        Map<String, MessageTemplate> details = new TreeMap<>();
        config.details().forEach((key, text) -> {
            if (PagerDutyChannel.RESERVED_DETAILS.contains(key)) {
                problems.add("details", "'" + key + "' is set by the channel");
            }
            problems.template("details." + key, text).ifPresent(t -> details.put(key, t));
        });
        for (int i = 0; i < config.links().size(); i++) {
            config.links().get(i).check("links[" + i + "]", problems);
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return new Checked(url, new PagerDutyEvent(config, summary, source, component, group, eventClass,
                Map.copyOf(details)));
    }

    private static @Nullable MessageTemplate optional(ConfigProblems problems, String field, @Nullable String text) {
        return problems.template(field, text).orElse(null);
    }
}
