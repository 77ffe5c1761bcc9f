package dev.vigil.alerting.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.channel.BasicAuth;
import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookChannelTest extends HttpChannelContract<WebhookConfig> {

    private static final String TOKEN = "hook-token-5f2c9d";
    private static final String HEADER_KEY = "api-key-77ab31";

    @Override
    protected NotificationChannelFactory<WebhookConfig> factory() {
        return new WebhookChannelFactory();
    }

    @Override
    protected WebhookConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        return new WebhookConfig(Secret.of(baseUrl + "/hooks/alerts"), null, Secret.of(TOKEN),
                Map.of("X-Api-Key", Secret.of(HEADER_KEY)), 0, sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of(TOKEN, HEADER_KEY);
    }

    /**
     * Checks a payload against Alertmanager's documented webhook schema (configuration reference, section
     * {@code <webhook_config>}): every member required, typed as documented, statuses {@code firing} or
     * {@code resolved}, times in RFC 3339, and nothing undocumented.
     */
    static JsonShape checkSchema(Request request) {
        JsonShape payload = JsonShape.object(request.json(), "payload");
        payload.onlyFields("version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels",
                "commonLabels", "commonAnnotations", "externalURL", "alerts");
        assertThat(payload.string("version")).isEqualTo("4");
        payload.string("groupKey");
        assertThat(payload.integer("truncatedAlerts")).isNotNegative();
        payload.enumeration("status", "firing", "resolved");
        payload.string("receiver");
        payload.stringMap("groupLabels");
        payload.stringMap("commonLabels");
        payload.stringMap("commonAnnotations");
        payload.string("externalURL");
        for (JsonShape alert : payload.objects("alerts")) {
            alert.onlyFields("status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint");
            alert.enumeration("status", "firing", "resolved");
            alert.stringMap("labels");
            alert.stringMap("annotations");
            alert.dateTime("startsAt");
            alert.dateTime("endsAt");
            alert.string("generatorURL");
            alert.string("fingerprint");
        }
        return payload;
    }

    @Test
    void postsAlertmanagerVersion4Payload() throws Exception {
        channel().deliver(TestNotifications.mixed());

        Request request = server.only();
        assertThat(request.path()).isEqualTo("/hooks/alerts");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonShape payload = checkSchema(request);
        assertThat(payload.string("receiver")).isEqualTo("ops");
        assertThat(payload.string("status")).isEqualTo("firing");
        assertThat(payload.string("groupKey")).isEqualTo(TestNotifications.GROUP_KEY);
        assertThat(payload.string("externalURL")).isEqualTo(TestingChannelContext.EXTERNAL_URL);
        assertThat(payload.integer("truncatedAlerts")).isZero();
        assertThat(payload.stringMap("groupLabels")).isEqualTo(Map.of("alertname", "HighLatency"));
        assertThat(payload.stringMap("commonLabels"))
                .isEqualTo(Map.of("alertname", "HighLatency", "job", "api", "severity", "critical"));
        assertThat(payload.stringMap("commonAnnotations")).containsEntry("runbook_url", "https://runbooks.example/latency");
        List<JsonShape> alerts = payload.objects("alerts");
        assertThat(alerts).hasSize(3);
        assertThat(alerts.get(0).string("status")).isEqualTo("firing");
        assertThat(alerts.get(0).string("startsAt")).isEqualTo("2026-01-01T09:58:30.25Z");
        assertThat(alerts.get(0).string("endsAt")).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alerts.get(0).stringMap("labels")).containsEntry("instance", "api-1:8080");
        assertThat(alerts.get(0).string("generatorURL")).startsWith("http://prometheus.example:9090/graph");
        assertThat(alerts.get(0).string("fingerprint")).isNotEmpty();
        assertThat(alerts.get(2).string("status")).isEqualTo("resolved");
        assertThat(alerts.get(2).string("endsAt")).isEqualTo("2026-01-01T10:05:00Z");
    }

    @Test
    void sendsTheNotificationIdAsIdempotencyKeyAndTheConfiguredHeaders() throws Exception {
        channel().deliver(TestNotifications.mixed());

        Request request = server.only();
        assertThat(request.header("Idempotency-Key")).isEqualTo("n-0001");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("X-Api-Key")).isEqualTo(HEADER_KEY);
    }

    @Test
    void sendsBasicAuthentication() throws Exception {
        WebhookConfig config = new WebhookConfig(Secret.of(server.url("/")), new BasicAuth("vigil", Secret.of("pw-1234")),
                null, Map.of(), 0, true, Duration.ofSeconds(5));

        factory().create("ops", config, context).deliver(TestNotifications.firingOne());

        String expected = Base64.getEncoder().encodeToString("vigil:pw-1234".getBytes(StandardCharsets.UTF_8));
        assertThat(server.only().header("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void maxAlertsCutsTheListAndCountsTheRest() throws Exception {
        WebhookConfig config = new WebhookConfig(Secret.of(server.url("/")), null, null, Map.of(), 2, true,
                Duration.ofSeconds(5));

        factory().create("ops", config, context).deliver(TestNotifications.manyFiring(5));

        JsonShape payload = checkSchema(server.only());
        assertThat(payload.objects("alerts")).hasSize(2);
        assertThat(payload.integer("truncatedAlerts")).isEqualTo(3);
    }

    @Test
    void resolvedAlertsAreLeftOutOfAFiringGroupWhenResolvedAreNotSent() throws Exception {
        channel(Duration.ofSeconds(5), false).deliver(TestNotifications.mixed());

        JsonShape payload = checkSchema(server.only());
        assertThat(payload.objects("alerts")).extracting(a -> a.string("status")).containsOnly("firing").hasSize(2);
    }

    @Test
    void resolvedGroupIsSentWithResolvedStatus() throws Exception {
        assertThat(channel().deliver(TestNotifications.allResolved()).outcome()).isEqualTo(Outcome.DELIVERED);

        JsonShape payload = checkSchema(server.only());
        assertThat(payload.string("status")).isEqualTo("resolved");
    }

    @Test
    void bindsSettingsStrictlyWithDefaults() throws Exception {
        WebhookConfig config = ConfigBinding.bind("url: https://hooks.example/alerts\n", WebhookConfig.class);

        assertThat(config).isEqualTo(WebhookConfig.of(Secret.of("https://hooks.example/alerts")));
        assertThat(config.sendResolved()).isTrue();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));

        WebhookConfig full = ConfigBinding.bind("""
                url: https://hooks.example/alerts
                basicAuth: {username: vigil, password: s3cret-pw}
                headers: {X-Team: sre}
                maxAlerts: 10
                sendResolved: false
                timeout: 3s
                """, WebhookConfig.class);
        assertThat(full.basicAuth()).isEqualTo(new BasicAuth("vigil", Secret.of("s3cret-pw")));
        assertThat(full.headers()).containsEntry("X-Team", Secret.of("sre"));
        assertThat(full.maxAlerts()).isEqualTo(10);
        assertThat(full.sendResolved()).isFalse();
        assertThat(full.timeout()).isEqualTo(Duration.ofSeconds(3));

        assertThatThrownBy(() -> ConfigBinding.bind("url: https://x\nsend_resolved: true\n", WebhookConfig.class))
                .hasMessageContaining("send_resolved");
        assertThatThrownBy(() -> ConfigBinding.bind("maxAlerts: 3\n", WebhookConfig.class))
                .hasMessageContaining("url is required");
    }

    @Test
    void validationNamesEveryBadField() {
        WebhookConfig config = new WebhookConfig(Secret.of("ftp://hooks.example/x?token=abcdef"),
                new BasicAuth("a", Secret.of("b")), Secret.of("tok"), Map.of("Content-Length", Secret.of("1")), -1,
                true, Duration.ZERO);

        assertThatThrownBy(() -> factory().validate(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url: must be an http or https URL")
                .hasMessageContaining("bearerToken: cannot be given together with basicAuth")
                .hasMessageContaining("headers: 'Content-Length' is set by the channel")
                .hasMessageContaining("maxAlerts: must be 0 (no limit) or positive, got -1")
                .hasMessageContaining("timeout: must be positive")
                .message().doesNotContain("token=abcdef");
    }
}
