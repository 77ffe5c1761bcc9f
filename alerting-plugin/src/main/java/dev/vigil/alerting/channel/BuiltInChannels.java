package dev.vigil.alerting.channel;

import dev.vigil.alerting.channel.alertmanager.AlertmanagerChannelFactory;
import dev.vigil.alerting.channel.email.EmailChannelFactory;
import dev.vigil.alerting.channel.opsgenie.OpsgenieChannelFactory;
import dev.vigil.alerting.channel.pagerduty.PagerDutyChannelFactory;
import dev.vigil.alerting.channel.slack.SlackChannelFactory;
import dev.vigil.alerting.channel.teams.TeamsChannelFactory;
import dev.vigil.alerting.channel.webhook.WebhookChannelFactory;
import dev.vigil.api.alerting.NotificationChannelFactory;
import java.util.List;

/**
 * The channel types the alerting plugin brings: {@code webhook}, {@code slack}, {@code email}, {@code pagerduty},
 * {@code opsgenie}, {@code teams} and {@code alertmanager}. The plugin registers these factories in the service
 * registry like any other plugin's, so routes find built-in and third-party types the same way.
 */
public final class BuiltInChannels {

    private BuiltInChannels() {}

    /** A new factory of each built-in type; factories are stateless. */
    public static List<NotificationChannelFactory<?>> factories() {
        return List.of(new WebhookChannelFactory(), new SlackChannelFactory(), new EmailChannelFactory(),
                new PagerDutyChannelFactory(), new OpsgenieChannelFactory(), new TeamsChannelFactory(),
                new AlertmanagerChannelFactory());
    }
}
