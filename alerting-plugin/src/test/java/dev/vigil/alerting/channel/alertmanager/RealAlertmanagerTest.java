package dev.vigil.alerting.channel.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.testing.AlertmanagerProcess;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.testkit.Await;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code alertmanager} channel against a real Alertmanager (Debian's {@code prometheus-alertmanager}): what it
 * forwards shows up in Alertmanager's own API ({@code GET /api/v2/alerts}) as the same alerts, and resolving them
 * through the channel makes them leave Alertmanager's list of current alerts.
 */
class RealAlertmanagerTest {

    private static final Logger LOG = LoggerFactory.getLogger(RealAlertmanagerTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALERT_NAME = "VigilForwarded";
    private static final String GENERATOR_URL = "http://prometheus.example:9090/graph?g0.expr=up%3D%3D0&g0.tab=1";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The platform's side: a real HTTP client and the system clock, as Alertmanager judges time by its own. */
    private static final ChannelContext CONTEXT = new ChannelContext() {
        @Override
        public HttpClient httpClient() {
            return CLIENT;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public String externalUrl() {
            return "http://vigil.example:9400";
        }
    };

    @TempDir
    Path folder;

    private AlertmanagerProcess alertmanager;
    private final Instant now = clockNow();

    @BeforeEach
    void start() throws Exception {
        AlertmanagerProcess.requireInstalled();
        alertmanager = AlertmanagerProcess.start(folder);
        LOG.info("Alertmanager {} at {}", alertmanager.version(), alertmanager.uri());
    }

    @AfterEach
    void stop() {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void forwardedAlertsAppearInAlertmanagerAndLeaveWhenResolved() throws Exception {
        NotificationChannel channel = channel(AlertmanagerConfig.of(List.of(alertmanager.uri().toString())));
        Alert api1 = firing("api-1:8080", now.minus(Duration.ofMinutes(3)));
        Alert api2 = firing("api-2:8080", now.minus(Duration.ofSeconds(90)).plusMillis(125));

        DeliveryResult sent = channel.deliver(notification("n-1", List.of(api1, api2), now));

        assertThat(sent.outcome()).as(sent.detail()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(sent.detail()).startsWith("accepted by 1 of 1");
        Map<String, JsonNode> shown = awaitAlerts("both alerts active in Alertmanager",
                alerts -> alerts.size() == 2 && alerts.values().stream().allMatch(a -> "active".equals(state(a))));
        assertSameAlert(shown.get("api-1:8080"), api1);
        assertSameAlert(shown.get("api-2:8080"), api2);
        for (JsonNode alert : shown.values()) {
            assertThat(receivers(alert)).containsExactly(AlertmanagerProcess.RECEIVER);
            assertThat(Instant.parse(alert.get("endsAt").asText()))
                    .as("without endsAt, Alertmanager ends a firing alert after its resolve_timeout")
                    .isAfter(now);
        }

        // a retry of the same notification (as after a crash) leaves Alertmanager with the same two alerts
        assertThat(channel.deliver(notification("n-1", List.of(api1, api2), now)).outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(alerts("/api/v2/alerts")).containsOnlyKeys("api-1:8080", "api-2:8080");

        Instant later = clockNow();
        DeliveryResult resolvedOne = channel.deliver(notification("n-2", List.of(resolved(api1, later), api2), later));

        assertThat(resolvedOne.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        Map<String, JsonNode> left = awaitAlerts("only api-2 still active", alerts -> alerts.keySet().equals(Set.of("api-2:8080")));
        assertSameAlert(left.get("api-2:8080"), api2);
        assertThat(alerts("/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true")).containsOnlyKeys("api-2:8080");

        Instant end = clockNow();
        DeliveryResult resolvedAll = channel.deliver(notification("n-3", List.of(resolved(api1, later), resolved(api2, end)), end));

        assertThat(resolvedAll.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        awaitAlerts("no alert left in Alertmanager", Map::isEmpty);
        assertThat(alerts("/api/v2/alerts/groups")).isEmpty();
    }

    @Test
    void firingAlertsKeepTheEndTheChannelGivesThem() throws Exception {
        AlertmanagerConfig config = new AlertmanagerConfig(List.of(alertmanager.uri().toString()), null, null, Duration.ofHours(2),
                true, Duration.ofSeconds(10));
        Alert api1 = firing("api-1:8080", now.minus(Duration.ofMinutes(1)));

        assertThat(channel(config).deliver(notification("n-1", List.of(api1), now)).outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);

        JsonNode shown = awaitAlerts("the alert in Alertmanager", alerts -> alerts.size() == 1).get("api-1:8080");
        assertSameAlert(shown, api1);
        assertThat(Instant.parse(shown.get("endsAt").asText())).isEqualTo(now.plus(Duration.ofHours(2)));
    }

    @Test
    void aResolvedOnlyNotificationIsNotShownAsActive() throws Exception {
        NotificationChannel channel = channel(AlertmanagerConfig.of(List.of(alertmanager.uri().toString())));
        Alert api1 = firing("api-1:8080", now.minus(Duration.ofMinutes(10)));

        DeliveryResult sent = channel.deliver(notification("n-1", List.of(resolved(api1, now)), now));

        assertThat(sent.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        // Alertmanager took it (it answered 200) and counts it as resolved, so it never lists it
        assertThat(alerts("/api/v2/alerts")).isEmpty();
        assertThat(alertmanager.get("/metrics").body()).containsPattern("alertmanager_alerts_received_total\\{status=\"resolved\",?[^}]*} 1");
    }

    /** The time now, to the millisecond, as Alertmanager gives times in its answers. */
    private static Instant clockNow() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private NotificationChannel channel(AlertmanagerConfig config) {
        AlertmanagerChannelFactory factory = new AlertmanagerChannelFactory();
        factory.validate(config);
        return factory.create("alertmanager-interop", config, CONTEXT);
    }

    private static void assertSameAlert(JsonNode shown, Alert sent) {
        assertThat(shown).as("the alert on %s", sent.labels().get("instance")).isNotNull();
        assertThat(strings(shown.get("labels"))).isEqualTo(sent.labels());
        assertThat(strings(shown.get("annotations"))).isEqualTo(sent.annotations());
        assertThat(Instant.parse(shown.get("startsAt").asText())).isEqualTo(sent.startsAt());
        assertThat(shown.get("generatorURL").asText()).isEqualTo(sent.generatorUrl());
    }

    /** Polls {@code GET /api/v2/alerts} (Vigil's alerts only) until {@code condition} holds. */
    private Map<String, JsonNode> awaitAlerts(String what, Predicate<Map<String, JsonNode>> condition) {
        return Await.until(what + " (log: " + folder.resolve("alertmanager.log") + ")", WAIT, () -> alerts("/api/v2/alerts"), condition);
    }

    /** The alerts named {@link #ALERT_NAME} that {@code path} lists (alert groups are flattened), by instance. */
    private Map<String, JsonNode> alerts(String path) {
        String filter = URLEncoder.encode("alertname=\"" + ALERT_NAME + "\"", StandardCharsets.UTF_8);
        JsonNode body = alertmanager.getJson(path + (path.contains("?") ? "&" : "?") + "filter=" + filter);
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode item : body) {
            if (item.has("alerts")) {
                item.get("alerts").forEach(alerts::add);
            } else {
                alerts.add(item);
            }
        }
        Map<String, JsonNode> byInstance = new TreeMap<>();
        for (JsonNode alert : alerts) {
            byInstance.put(alert.path("labels").path("instance").asText(), alert);
        }
        return byInstance;
    }

    private static String state(JsonNode alert) {
        return alert.path("status").path("state").asText();
    }

    private static List<String> receivers(JsonNode alert) {
        List<String> names = new ArrayList<>();
        alert.path("receivers").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Alert firing(String instance, Instant startsAt) {
        return new Alert(AlertStatus.FIRING,
                Map.of("alertname", ALERT_NAME, "job", "api", "severity", "critical", "instance", instance),
                Map.of("summary", "api down on " + instance, "runbook_url", "https://runbooks.example/api-down"),
                startsAt, Optional.empty(), GENERATOR_URL, Integer.toHexString(instance.hashCode()));
    }

    private static Alert resolved(Alert alert, Instant endsAt) {
        return new Alert(AlertStatus.RESOLVED, alert.labels(), alert.annotations(), alert.startsAt(), Optional.of(endsAt),
                alert.generatorUrl(), alert.fingerprint());
    }

    private static Notification notification(String id, List<Alert> alerts, Instant createdAt) {
        boolean anyFiring = alerts.stream().anyMatch(a -> a.status() == AlertStatus.FIRING);
        return new Notification(id, "ops", anyFiring ? AlertStatus.FIRING : AlertStatus.RESOLVED, alerts,
                Map.of("alertname", ALERT_NAME), Map.of("alertname", ALERT_NAME, "job", "api", "severity", "critical"), Map.of(),
                CONTEXT.externalUrl(), "{}:{alertname=\"" + ALERT_NAME + "\"}", 0, createdAt);
    }
}
