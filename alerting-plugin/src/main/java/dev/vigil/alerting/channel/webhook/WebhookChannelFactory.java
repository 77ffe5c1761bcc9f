package dev.vigil.alerting.channel.webhook;

import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.HttpAuth;
import dev.vigil.alerting.channel.HttpHeaderChecks;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import java.net.URI;

/** Makes {@code webhook} channels. Stateless and thread-safe. */
public final class WebhookChannelFactory implements NotificationChannelFactory<WebhookConfig> {

    /** The type name receivers use. */
    public static final String TYPE = "webhook";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<WebhookConfig> configType() {
        return WebhookConfig.class;
    }

    @Override
    public void validate(WebhookConfig config) {
        check(config);
    }

    @Override
    public NotificationChannel create(String name, WebhookConfig config, ChannelContext context) {
        return new WebhookChannel(name, config, check(config), context);
    }

    private static URI check(WebhookConfig config) {
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
