package dev.vigil.alerting.channel.alertmanager;

import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.HttpAuth;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Makes {@code alertmanager} channels. Stateless and thread-safe. */
public final class AlertmanagerChannelFactory implements NotificationChannelFactory<AlertmanagerConfig> {

    /** The type name receivers use. */
    public static final String TYPE = "alertmanager";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<AlertmanagerConfig> configType() {
        return AlertmanagerConfig.class;
    }

    @Override
    public void validate(AlertmanagerConfig config) {
        check(config);
    }

    @Override
    public NotificationChannel create(String name, AlertmanagerConfig config, ChannelContext context) {
        return new AlertmanagerChannel(name, config, check(config), context);
    }

    /** Checks the settings; returns the endpoints to post to. */
    private static List<URI> check(AlertmanagerConfig config) {
        ConfigProblems problems = new ConfigProblems();
        List<URI> endpoints = new ArrayList<>();
        if (config.urls().isEmpty()) {
            problems.add("urls", "must list at least one Alertmanager");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < config.urls().size(); i++) {
            String url = config.urls().get(i);
            String field = "urls[" + i + "]";
            problems.baseUrl(field, url).ifPresent(uri -> endpoints.add(URI.create(uri + "/api/v2/alerts")));
            if (!seen.add(url)) {
                problems.add(field, "lists '" + url + "' a second time");
            }
        }
        HttpAuth.check(config.basicAuth(), config.bearerToken(), problems);
        Duration validFor = config.firingValidFor();
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            problems.add("firingValidFor", "must be positive");
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return List.copyOf(endpoints);
    }
}
