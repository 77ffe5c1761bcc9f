package dev.vigil.alerting.channel.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerChannelTest extends HttpChannelContract<AlertmanagerConfig> {

    private static final String TOKEN = "am-token-90e1f4";

    @Override
    protected NotificationChannelFactory<AlertmanagerConfig> factory() {
        return new AlertmanagerChannelFactory();
    }

    @Override
    protected AlertmanagerConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        return new AlertmanagerConfig(List.of(baseUrl), null, Secret.of(TOKEN), null, sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of(TOKEN);
    }

    @Override
    protected RecordingHttpServer.Reply success() {
        return RecordingHttpServer.Reply.of(200, "");
    }

    /**
     * Checks a body against Alertmanager's API v2 definition ({@code api/v2/openapi.yaml}, {@code postableAlerts}):
     * an array of objects with the required {@code labels} (a label set: string values), optional
     * {@code annotations} (a label set), {@code startsAt} and {@code endsAt} (date-time) and {@code generatorURL}
     * (a URI), and nothing else.
     */
    static List<JsonShape> checkSchema(Request request) {
        assertThat(request.path()).endsWith("/api/v2/alerts");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = request.json();
        assertThat(body.isArray()).as("the body is an array").isTrue();
        List<JsonShape> alerts = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonShape alert = JsonShape.object(body.get(i), "alerts[" + i + "]");
            alert.onlyFields("labels", "annotations", "startsAt", "endsAt", "generatorURL");
            assertThat(alert.stringMap("labels")).isNotEmpty();
            if (alert.node().has("annotations")) {
                alert.stringMap("annotations");
            }
            if (alert.node().has("startsAt")) {
                alert.dateTime("startsAt");
            }
            if (alert.node().has("endsAt")) {
                alert.dateTime("endsAt");
            }
            if (alert.node().has("generatorURL")) {
                assertThat(java.net.URI.create(alert.string("generatorURL")).isAbsolute()).isTrue();
            }
            alerts.add(alert);
        }
        return alerts;
    }

    @Test
    void postsEveryAlertInTheApiV2Shape() throws Exception {
        channel().deliver(TestNotifications.mixed());

        Request request = server.only();
        assertThat(request.path()).isEqualTo("/api/v2/alerts");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        List<JsonShape> alerts = checkSchema(request);
        assertThat(alerts).hasSize(3);
        JsonShape firing = alerts.get(0);
        assertThat(firing.stringMap("labels")).containsEntry("alertname", "HighLatency").containsEntry("instance", "api-1:8080");
        assertThat(firing.stringMap("annotations")).containsKey("summary");
        assertThat(firing.string("startsAt")).isEqualTo("2026-01-01T09:58:30.25Z");
        assertThat(firing.node().has("endsAt")).as("a firing alert leaves endsAt to Alertmanager").isFalse();
        assertThat(firing.string("generatorURL")).startsWith("http://prometheus.example:9090/");
        assertThat(alerts.get(2).string("endsAt")).isEqualTo("2026-01-01T10:05:00Z");
    }

    @Test
    void firingAlertsEndAFixedTimeAfterTheNotificationWhenConfigured() throws Exception {
        AlertmanagerConfig config = new AlertmanagerConfig(List.of(server.url("")), null, null, Duration.ofHours(5),
                true, Duration.ofSeconds(5));

        factory().create("am", config, context).deliver(TestNotifications.firingOne());

        assertThat(checkSchema(server.only()).get(0).string("endsAt")).isEqualTo("2026-01-01T15:00:00Z");
    }

    @Test
    void keepsTheRoutePrefixOfTheUrl() throws Exception {
        AlertmanagerConfig config = AlertmanagerConfig.of(List.of(server.url("/alertmanager/")));

        factory().create("am", config, context).deliver(TestNotifications.firingOne());

        assertThat(server.only().path()).isEqualTo("/alertmanager/api/v2/alerts");
    }

    @Test
    void sendsToEveryAlertmanagerAndSucceedsWhenOneAccepts() throws Exception {
        try (RecordingHttpServer other = new RecordingHttpServer()) {
            server.otherwise(RecordingHttpServer.Reply.of(500, "down"));
            AlertmanagerConfig config = AlertmanagerConfig.of(List.of(server.url(""), other.url("")));

            DeliveryResult result = factory().create("am", config, context).deliver(TestNotifications.mixed());

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.detail()).startsWith("accepted by 1 of 2").contains("HTTP 500");
            assertThat(server.requests()).hasSize(1);
            assertThat(other.requests()).hasSize(1);
            assertThat(other.only().body()).isEqualTo(server.only().body());
        }
    }

    @Test
    void retriesWhenNoneAcceptsAndOneMayLater() throws Exception {
        try (RecordingHttpServer other = new RecordingHttpServer()) {
            server.otherwise(RecordingHttpServer.Reply.of(400, "bad"));
            other.otherwise(RecordingHttpServer.Reply.of(503, "Retry-After", "30", "busy"));
            AlertmanagerConfig config = AlertmanagerConfig.of(List.of(server.url(""), other.url("")));

            DeliveryResult result = factory().create("am", config, context).deliver(TestNotifications.mixed());

            assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(result.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(result.detail()).startsWith("accepted by 0 of 2");
        }
    }

    @Test
    void failsWhenEveryAlertmanagerRefusesForGood() throws Exception {
        try (RecordingHttpServer other = new RecordingHttpServer()) {
            server.otherwise(RecordingHttpServer.Reply.of(400, "bad"));
            other.otherwise(RecordingHttpServer.Reply.of(422, "bad"));
            AlertmanagerConfig config = AlertmanagerConfig.of(List.of(server.url(""), other.url("")));

            DeliveryResult result = factory().create("am", config, context).deliver(TestNotifications.mixed());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void bindsAndValidatesSettings() throws Exception {
        AlertmanagerConfig config = ConfigBinding.bind("""
                urls: [http://am-1:9093, http://am-2:9093]
                firingValidFor: 6h
                """, AlertmanagerConfig.class);
        assertThat(config.urls()).containsExactly("http://am-1:9093", "http://am-2:9093");
        assertThat(config.firingValidFor()).isEqualTo(Duration.ofHours(6));
        assertThat(config.sendResolved()).isTrue();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        factory().validate(config);

        assertThatThrownBy(() -> ConfigBinding.bind("url: http://am:9093\n", AlertmanagerConfig.class))
                .hasMessageContaining("url");
        AlertmanagerConfig bad = new AlertmanagerConfig(List.of("am:9093", "http://a:1?x=1", "http://b:1", "http://b:1"),
                null, null, Duration.ZERO, true, Duration.ofMinutes(10));
        assertThatThrownBy(() -> factory().validate(bad))
                .hasMessageContaining("urls[0]: must be an http or https URL, got 'am:9093'")
                .hasMessageContaining("urls[1]: must be a base URL without query or fragment")
                .hasMessageContaining("urls[3]: lists 'http://b:1' a second time")
                .hasMessageContaining("firingValidFor: must be positive")
                .hasMessageContaining("timeout: must be at most 5m, got 10m");
        assertThatThrownBy(() -> factory().validate(AlertmanagerConfig.of(List.of())))
                .hasMessageContaining("urls: must list at least one Alertmanager");
    }
}
