package dev.vigil.alerting.channel.slack;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;
import java.util.regex.Pattern;

/** Makes {@code slack} channels. Stateless and thread-safe. */
public final class SlackChannelFactory extends CheckedChannelFactory<SlackConfig, SlackChannelFactory.Checked> {

    /** The type name receivers use. */
    public static final String TYPE = "slack";

    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+'-]+:");

    /** A factory for {@code slack} channels. */
    public SlackChannelFactory() {
        super(TYPE, SlackConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, SlackConfig config, Checked checked, ChannelContext context) {
        return new SlackChannel(name, config, checked.url(), checked.message(), context);
    }

    record Checked(URI url, SlackMessage message) {}

    @Override
    protected Checked check(SlackConfig config) {
        ConfigProblems problems = new ConfigProblems();
        URI url = null;
        if (config.webhookUrl() != null && config.botToken() != null) {
            problems.add("botToken", "cannot be given together with webhookUrl: choose one way to post");
        } else if (config.webhookUrl() != null) {
            url = problems.httpUrl("webhookUrl", config.webhookUrl()).orElse(null);
        } else if (config.botToken() != null) {
            problems.requiredSecret("botToken", config.botToken());
            url = problems.httpUrl("apiUrl", config.apiUrl()).orElse(null);
            if (config.channel() == null || config.channel().isBlank()) {
                problems.add("channel", "is required with botToken");
            }
        } else {
            problems.add("webhookUrl", "is required, unless botToken and channel are given");
        }
        String emoji = config.iconEmoji();
        if (emoji != null && !EMOJI.matcher(emoji).matches()) {
            problems.add("iconEmoji", "must be an emoji code such as :rotating_light:, got '" + emoji + "'");
        }
        if (config.iconUrl() != null) {
            problems.httpUrl("iconUrl", config.iconUrl());
        }
        MessageTemplate title = problems.template("title", config.title()).orElse(null);
        for (int i = 0; i < config.links().size(); i++) {
            config.links().get(i).check("links[" + i + "]", problems);
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return new Checked(url, new SlackMessage(config, title));
    }
}
