package dev.vigil.alerting.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagerDutyChannelTest extends HttpChannelContract<PagerDutyConfig> {

    private static final String ROUTING_KEY = "R0a1b2c3d4e5f60718293a4b5c6d7e8f";

    @Override
    protected NotificationChannelFactory<PagerDutyConfig> factory() {
        return new PagerDutyChannelFactory();
    }

    @Override
    protected PagerDutyConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        PagerDutyConfig defaults = PagerDutyConfig.of(Secret.of(ROUTING_KEY));
        return new PagerDutyConfig(defaults.routingKey(), baseUrl + "/v2/enqueue", defaults.summary(),
                defaults.source(), defaults.severityLabel(), defaults.defaultSeverity(), null, null, null, Map.of(),
                List.of(), sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of(ROUTING_KEY);
    }

    @Override
    protected RecordingHttpServer.Reply success() {
        return RecordingHttpServer.Reply.of(202,
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}");
    }

    /**
     * Checks an event against PagerDuty's Events API v2 documentation ("Send an Alert Event"): {@code routing_key}
     * and {@code event_action} (trigger, acknowledge or resolve) required, {@code dedup_key} at most 255
     * characters; a trigger's {@code payload} with the required {@code summary} (at most 1024 characters),
     * {@code source} and {@code severity} (critical, error, warning or info), an optional ISO 8601 {@code timestamp},
     * optional string {@code component}, {@code group} and {@code class}, an object {@code custom_details}; links
     * with a required {@code href}. Acknowledge and resolve events carry only the key and the action.
     */
    static JsonShape checkSchema(Request request) {
        assertThat(request.path()).isEqualTo("/v2/enqueue");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonShape event = JsonShape.object(request.json(), "event");
        event.nonEmptyString("routing_key");
        String action = event.enumeration("event_action", "trigger", "acknowledge", "resolve");
        event.string("dedup_key", 255);
        if (!action.equals("trigger")) {
            event.onlyFields("routing_key", "event_action", "dedup_key");
            return event;
        }
        event.onlyFields("routing_key", "event_action", "dedup_key", "payload", "images", "links", "client",
                "client_url");
        JsonShape payload = event.object("payload");
        payload.onlyFields("summary", "source", "severity", "timestamp", "component", "group", "class",
                "custom_details");
        assertThat(payload.string("summary", 1024)).isNotEmpty();
        payload.nonEmptyString("source");
        payload.enumeration("severity", "critical", "error", "warning", "info");
        if (payload.node().has("timestamp")) {
            payload.dateTime("timestamp");
        }
        payload.optionalString("component");
        payload.optionalString("group");
        payload.optionalString("class");
        if (payload.node().has("custom_details")) {
            payload.object("custom_details");
        }
        if (event.node().has("links")) {
            for (JsonShape link : event.objects("links")) {
                link.onlyFields("href", "text");
                link.nonEmptyString("href");
                link.optionalString("text");
            }
        }
        event.optionalString("client");
        event.optionalString("client_url");
        return event;
    }

    @Test
    void firingGroupTriggersAnAlertWithTheGroupsDedupKey() throws Exception {
        channel().deliver(TestNotifications.mixed());

        JsonShape event = checkSchema(server.only());
        assertThat(event.string("routing_key")).isEqualTo(ROUTING_KEY);
        assertThat(event.string("event_action")).isEqualTo("trigger");
        assertThat(event.string("dedup_key"))
                .isEqualTo(NotificationText.groupKeyHash(TestNotifications.GROUP_KEY))
                .hasSize(64);
        JsonShape payload = event.object("payload");
        assertThat(payload.string("summary")).isEqualTo("[FIRING:2] HighLatency (api critical)");
        assertThat(payload.string("source")).as("no instance shared by all alerts").isEqualTo("vigil");
        assertThat(payload.string("severity")).isEqualTo("critical");
        assertThat(payload.string("timestamp")).isEqualTo("2026-01-01T09:58:30.25Z");
        JsonShape details = payload.object("custom_details");
        assertThat(details.string("firing")).contains("instance = api-1:8080").contains("instance = api-2:8080")
                .doesNotContain("api-3");
        assertThat(details.string("resolved")).contains("instance = api-3:8080");
        assertThat(details.integer("num_firing")).isEqualTo(2);
        assertThat(details.integer("num_resolved")).isEqualTo(1);
        assertThat(event.string("client")).isEqualTo("Vigil");
        assertThat(event.string("client_url")).isEqualTo(TestingChannelContext.EXTERNAL_URL);
        assertThat(event.objects("links")).extracting(l -> l.string("href"))
                .containsExactly("http://prometheus.example:9090/graph?g0.expr=latency%3E1");
    }

    @Test
    void resolvedGroupResolvesTheSameAlert() throws Exception {
        channel().deliver(TestNotifications.firingOne());
        channel().deliver(TestNotifications.allResolved());

        List<Request> requests = server.requests();
        JsonShape trigger = checkSchema(requests.get(0));
        JsonShape resolve = checkSchema(requests.get(1));
        assertThat(resolve.string("event_action")).isEqualTo("resolve");
        assertThat(resolve.string("dedup_key")).isEqualTo(trigger.string("dedup_key"));
    }

    @Test
    void acknowledgeSendsAnAcknowledgeEventForTheGroup() throws Exception {
        PagerDutyChannel channel = (PagerDutyChannel) channel();

        assertThat(channel.acknowledge(TestNotifications.firingOne()).outcome()).isEqualTo(Outcome.DELIVERED);

        JsonShape ack = checkSchema(server.only());
        assertThat(ack.string("event_action")).isEqualTo("acknowledge");
        assertThat(ack.string("dedup_key")).isEqualTo(NotificationText.groupKeyHash(TestNotifications.GROUP_KEY));
    }

    @Test
    void templatesFillSummarySourceComponentGroupClassAndDetails() throws Exception {
        PagerDutyConfig base = config(server.url(""), Duration.ofSeconds(5), true);
        PagerDutyConfig config = new PagerDutyConfig(base.routingKey(), base.url(),
                "{commonLabels.alertname} in {commonLabels.job}", "{commonLabels.job}.example", "severity", "warning",
                "{commonLabels.job}", "prod-{groupLabels.alertname}",
                "latency", Map.of("runbook", "{commonAnnotations.runbook_url}"),
                List.of(new Link("https://grafana.example/d/api", "Dashboard")), true, base.timeout());

        factory().create("pd", config, context).deliver(TestNotifications.firingOne());

        JsonShape event = checkSchema(server.only());
        JsonShape payload = event.object("payload");
        assertThat(payload.string("summary")).isEqualTo("HighLatency in api");
        assertThat(payload.string("source")).isEqualTo("api.example");
        assertThat(payload.string("component")).isEqualTo("api");
        assertThat(payload.string("group")).isEqualTo("prod-HighLatency");
        assertThat(payload.string("class")).isEqualTo("latency");
        assertThat(payload.object("custom_details").string("runbook")).isEqualTo("https://runbooks.example/latency");
        assertThat(event.objects("links").get(0).string("href")).isEqualTo("https://grafana.example/d/api");
        assertThat(event.objects("links").get(0).string("text")).isEqualTo("Dashboard");
    }

    @Test
    void severityComesFromTheMostSevereFiringAlertElseTheDefault() throws Exception {
        Alert warning = relabel(TestNotifications.firing("a:1"), "severity", "warning");
        Alert page = relabel(TestNotifications.firing("b:1"), "severity", "page");
        Alert error = relabel(TestNotifications.firing("c:1"), "severity", "ERROR");
        PagerDutyChannel channel = (PagerDutyChannel) channel();

        channel.deliver(TestNotifications.notification(List.of(warning, page)));
        channel.deliver(TestNotifications.notification(List.of(warning, page, error)));
        channel.deliver(TestNotifications.notification(List.of(page)));

        assertThat(server.requests()).extracting(r -> checkSchema(r).object("payload").string("severity"))
                .containsExactly("warning", "error", "error");
    }

    @Test
    void largeGroupsAreCutToFitPagerDutysSizeLimit() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        String longText = "x".repeat(2000);
        for (int i = 0; i < 1000; i++) {
            Alert a = TestNotifications.firing("host-" + i + ":9100");
            alerts.add(new Alert(AlertStatus.FIRING, a.labels(), Map.of("description", longText), a.startsAt(),
                    Optional.empty(), a.generatorUrl(), a.fingerprint()));
        }

        channel().deliver(TestNotifications.notification(alerts));

        Request request = server.only();
        assertThat(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(512 * 1024);
        JsonShape details = checkSchema(request).object("payload").object("custom_details");
        assertThat(details.string("firing")).endsWith("…");
        assertThat(details.integer("num_firing")).isEqualTo(1000);
    }

    @Test
    void bindsAndValidatesSettings() throws Exception {
        PagerDutyConfig config = ConfigBinding.bind("""
                routingKey: abcdef0123456789
                class: database
                details: {team: sre}
                links: [{href: "https://grafana.example/d/1"}]
                """, PagerDutyConfig.class);
        assertThat(config.eventClass()).isEqualTo("database");
        assertThat(config.url()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(config.summary()).isEqualTo("{subject}");
        assertThat(config.defaultSeverity()).isEqualTo("error");
        assertThat(config.links()).containsExactly(new Link("https://grafana.example/d/1", "https://grafana.example/d/1"));
        factory().validate(config);

        PagerDutyConfig base = PagerDutyConfig.of(Secret.of(""));
        PagerDutyConfig bad = new PagerDutyConfig(base.routingKey(), "events.pagerduty.com", "{nope}", "{source",
                "sev-label", "fatal", null, null, null, Map.of("firing", "x"), List.of(new Link("ftp://x", "x")), true,
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> factory().validate(bad))
                .hasMessageContaining("routingKey: is required")
                .hasMessageContaining("url: must be an http or https URL, got 'events.pagerduty.com'")
                .hasMessageContaining("summary: unknown placeholder {nope}")
                .hasMessageContaining("source: unclosed '{'")
                .hasMessageContaining("severityLabel: 'sev-label' is not a label name")
                .hasMessageContaining("defaultSeverity: must be one of [critical, error, warning, info], got 'fatal'")
                .hasMessageContaining("details: 'firing' is set by the channel")
                .hasMessageContaining("links[0].href: must be an http or https URL");
        assertThatThrownBy(() -> ConfigBinding.bind("url: https://x\n", PagerDutyConfig.class))
                .hasMessageContaining("routingKey is required");
    }

    private static Alert relabel(Alert alert, String name, String value) {
        Map<String, String> labels = new java.util.TreeMap<>(alert.labels());
        labels.put(name, value);
        return new Alert(alert.status(), labels, alert.annotations(), alert.startsAt(), alert.endsAt(),
                alert.generatorUrl(), alert.fingerprint());
    }
}
