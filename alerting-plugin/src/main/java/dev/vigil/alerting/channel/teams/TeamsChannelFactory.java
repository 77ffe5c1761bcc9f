package dev.vigil.alerting.channel.teams;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;

/** Makes {@code teams} channels. Stateless and thread-safe. */
public final class TeamsChannelFactory extends CheckedChannelFactory<TeamsConfig, TeamsChannelFactory.Checked> {

    /** The type name receivers use. */
    public static final String TYPE = "teams";

    /** A factory for {@code teams} channels. */
    public TeamsChannelFactory() {
        super(TYPE, TeamsConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, TeamsConfig config, Checked checked, ChannelContext context) {
        return new TeamsChannel(name, config, checked.url(), checked.card(), context);
    }

    record Checked(URI url, TeamsCard card) {}

    @Override
    protected Checked check(TeamsConfig config) {
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
