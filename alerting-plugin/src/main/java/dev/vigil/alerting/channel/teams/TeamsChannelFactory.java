package dev.vigil.alerting.channel.teams;

import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import java.net.URI;

/** Makes {@code teams} channels. Stateless and thread-safe. */
public final class TeamsChannelFactory implements NotificationChannelFactory<TeamsConfig> {

    /** The type name receivers use. */
    public static final String TYPE = "teams";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<TeamsConfig> configType() {
        return TeamsConfig.class;
    }

    @Override
    public void validate(TeamsConfig config) {
        check(config);
    }

    @Override
    public NotificationChannel create(String name, TeamsConfig config, ChannelContext context) {
        Checked checked = check(config);
        return new TeamsChannel(name, config, checked.url(), checked.card(), context);
    }

    private record Checked(URI url, TeamsCard card) {}

    private static Checked check(TeamsConfig config) {
        ConfigProblems problems = new ConfigProblems();
        URI url = problems.httpUrl("webhookUrl", config.webhookUrl()).orElse(null);
        MessageTemplate title = problems.template("title", config.title()).orElse(null);
        MessageTemplate text = problems.template("text", config.text()).orElse(null);
        for (int i = 0; i < config.links().size(); i++) {
            config.links().get(i).check("links[" + i + "]", problems);
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return new Checked(url, new TeamsCard(title, text, config.links()));
    }
}
