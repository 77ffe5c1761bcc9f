package dev.vigil.alerting.channel.webhook;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.HttpAuth;
import dev.vigil.alerting.channel.HttpHeaderChecks;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;

/** Makes {@code webhook} channels. Stateless and thread-safe. */
public final class WebhookChannelFactory extends CheckedChannelFactory<WebhookConfig, URI> {

    /** The type name receivers use. */
    public static final String TYPE = "webhook";

    /** A factory for {@code webhook} channels. */
    public WebhookChannelFactory() {
        super(TYPE, WebhookConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, WebhookConfig config, URI checked, ChannelContext context) {
        return new WebhookChannel(name, config, checked, context);
    }

    @Override
    protected URI check(WebhookConfig config) {
        ConfigProblems problems = new ConfigProblems();
        URI url = problems.httpUrl("url", config.url()).orElse(null);
        HttpAuth.check(config.basicAuth(), config.bearerToken(), problems);
        HttpHeaderChecks.check("headers", config.headers(),
                config.basicAuth() != null || config.bearerToken() != null, problems);
        if (config.maxAlerts() < 0) {
            problems.add("maxAlerts", "must be 0 (no limit) or positive, got " + config.maxAlerts());
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return url;
    }
}
