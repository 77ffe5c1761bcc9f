package dev.vigil.alerting.channel.alertmanager;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.HttpAuth;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Makes {@code alertmanager} channels. Stateless and thread-safe. */
public final class AlertmanagerChannelFactory extends CheckedChannelFactory<AlertmanagerConfig, List<URI>> {

    /** The type name receivers use. */
    public static final String TYPE = "alertmanager";

    /** A factory for {@code alertmanager} channels. */
    public AlertmanagerChannelFactory() {
        super(TYPE, AlertmanagerConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, AlertmanagerConfig config,
            List<URI> checked, ChannelContext context) {
        return new AlertmanagerChannel(name, config, checked, context);
    }

    /** Checks the settings; returns the endpoints to post to. */
    @Override
    protected List<URI> check(AlertmanagerConfig config) {
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
