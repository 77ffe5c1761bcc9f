package dev.vigil.alerting.channel.opsgenie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsgenieChannelTest extends HttpChannelContract<OpsgenieConfig> {

    private static final String API_KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";
    private static final String ALIAS = NotificationText.groupKeyHash(TestNotifications.GROUP_KEY);

    @Override
    protected NotificationChannelFactory<OpsgenieConfig> factory() {
        return new OpsgenieChannelFactory();
    }

    @Override
    protected OpsgenieConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        OpsgenieConfig d = OpsgenieConfig.of(Secret.of(API_KEY));
        return new OpsgenieConfig(d.apiKey(), baseUrl, d.message(), null, null, List.of(), Map.of(), List.of(), null,
                d.source(), sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of(API_KEY);
    }

    @Override
    protected RecordingHttpServer.Reply success() {
        return RecordingHttpServer.Reply.of(202,
                "{\"result\":\"Request will be processed\",\"took\":0.302,\"requestId\":\"43a29c5c\"}");
    }

    /**
     * Checks a create request against Opsgenie's Alert API documentation ("Create Alert"): the required
     * {@code message} (at most 130 characters); optional {@code alias} (512), {@code description} (15000),
     * {@code responders} (objects with a {@code type} of team, user, escalation or schedule and one of
     * {@code id}, {@code name}, {@code username}), {@code tags} (at most 20 strings of 50), {@code details} (string
     * values, 8000 characters in all), {@code entity} (512), {@code source} (100), {@code priority} (P1 to P5);
     * and the {@code GenieKey} authorization.
     */
    static JsonShape checkCreate(Request request) {
        assertThat(request.path()).isEqualTo("/v2/alerts");
        assertThat(request.query()).isNull();
        assertThat(request.header("Authorization")).isEqualTo("GenieKey " + API_KEY);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonShape body = JsonShape.object(request.json(), "create");
        body.onlyFields("message", "alias", "description", "responders", "visibleTo", "actions", "tags", "details",
                "entity", "source", "priority", "user", "note");
        assertThat(body.string("message", 130)).isNotBlank();
        if (body.node().has("alias")) {
            body.string("alias", 512);
        }
        if (body.node().has("description")) {
            body.string("description", 15_000);
        }
        if (body.node().has("responders")) {
            for (JsonShape responder : body.objects("responders")) {
                responder.onlyFields("type", "id", "name", "username");
                responder.enumeration("type", "team", "user", "escalation", "schedule");
                int named = (responder.node().has("id") ? 1 : 0) + (responder.node().has("name") ? 1 : 0)
                        + (responder.node().has("username") ? 1 : 0);
                assertThat(named).as("a responder is named by one of id, name, username").isEqualTo(1);
            }
        }
        if (body.node().has("tags")) {
            List<String> tags = body.strings("tags");
            assertThat(tags).hasSizeLessThanOrEqualTo(20).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(50));
        }
        if (body.node().has("details")) {
            int size = body.stringMap("details").entrySet().stream()
                    .mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
            assertThat(size).isLessThanOrEqualTo(8000);
        }
        if (body.node().has("entity")) {
            body.string("entity", 512);
        }
        if (body.node().has("source")) {
            body.string("source", 100);
        }
        if (body.node().has("priority")) {
            body.enumeration("priority", "P1", "P2", "P3", "P4", "P5");
        }
        return body;
    }

    /** Checks a close or acknowledge request: by alias, a body with optional {@code user}, {@code source}, {@code note}. */
    static JsonShape checkAction(Request request, String action) {
        assertThat(request.path()).isEqualTo("/v2/alerts/" + ALIAS + "/" + action);
        assertThat(request.query()).isEqualTo("identifierType=alias");
        assertThat(request.header("Authorization")).isEqualTo("GenieKey " + API_KEY);
        JsonShape body = JsonShape.object(request.json(), action);
        body.onlyFields("user", "source", "note");
        body.optionalString("user");
        body.string("source", 100);
        body.optionalString("note");
        return body;
    }

    @Test
    void firingGroupCreatesAnAlertWithTheGroupsAlias() throws Exception {
        channel().deliver(TestNotifications.mixed());

        JsonShape body = checkCreate(server.only());
        assertThat(body.string("message")).isEqualTo("[FIRING:2] HighLatency (api critical)");
        assertThat(body.string("alias")).isEqualTo(ALIAS);
        assertThat(body.string("description")).contains("Alerts firing:").contains("instance = api-1:8080")
                .contains("Alerts resolved:").contains("instance = api-3:8080");
        assertThat(body.stringMap("details"))
                .containsEntry("alertname", "HighLatency").containsEntry("job", "api").containsEntry("severity", "critical");
        assertThat(body.string("source")).isEqualTo("Vigil");
        assertThat(body.node().has("priority")).isFalse();
    }

    @Test
    void resolvedGroupClosesTheAlertByAlias() throws Exception {
        assertThat(channel().deliver(TestNotifications.allResolved()).outcome()).isEqualTo(Outcome.DELIVERED);

        JsonShape body = checkAction(server.only(), "close");
        assertThat(body.string("note")).isNotBlank();
    }

    @Test
    void acknowledgeActsOnTheAlertByAlias() throws Exception {
        OpsgenieChannel channel = (OpsgenieChannel) channel();

        assertThat(channel.acknowledge(TestNotifications.firingOne()).outcome()).isEqualTo(Outcome.DELIVERED);

        checkAction(server.only(), "acknowledge");
    }

    @Test
    void settingsFillPriorityTagsDetailsRespondersAndEntity() throws Exception {
        OpsgenieConfig config = new OpsgenieConfig(Secret.of(API_KEY), server.url("/"), "{commonLabels.alertname} is {status}",
                "See {commonAnnotations.runbook_url}", "{commonLabels.priority|P2}",
                List.of("{commonLabels.job}", "vigil", "{commonLabels.missing}"), Map.of("team", "sre"),
                List.of(new OpsgenieResponder("team", null, "sre", null),
                        new OpsgenieResponder("user", null, null, "jane@example.com"),
                        new OpsgenieResponder("schedule", "4513b7ea-3b91-438f-b7e4-e3e54af9147c", null, null)),
                "{commonLabels.job}", "vigil-prod", true, Duration.ofSeconds(5));

        factory().create("og", config, context).deliver(TestNotifications.firingOne());

        JsonShape body = checkCreate(server.only());
        assertThat(body.string("message")).isEqualTo("HighLatency is firing");
        assertThat(body.string("description")).isEqualTo("See https://runbooks.example/latency");
        assertThat(body.string("priority")).isEqualTo("P2");
        assertThat(body.strings("tags")).containsExactly("api", "vigil");
        assertThat(body.stringMap("details")).containsEntry("team", "sre").containsEntry("job", "api");
        assertThat(body.objects("responders")).hasSize(3);
        assertThat(body.objects("responders").get(1).string("username")).isEqualTo("jane@example.com");
        assertThat(body.string("entity")).isEqualTo("api");
        assertThat(body.string("source")).isEqualTo("vigil-prod");
    }

    @Test
    void longTextsAreCutToOpsgeniesLimits() throws Exception {
        String longValue = "v".repeat(3000);
        Map<String, String> details = Map.of("a", longValue, "b", longValue, "c", longValue, "d", longValue);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tags.add("tag-" + i + "-" + "t".repeat(60));
        }
        OpsgenieConfig config = new OpsgenieConfig(Secret.of(API_KEY), server.url(""), "m".repeat(500), null, null,
                tags, details, List.of(), null, "Vigil", true, Duration.ofSeconds(5));

        factory().create("og", config, context).deliver(TestNotifications.manyFiring(200));

        JsonShape body = checkCreate(server.only());
        assertThat(body.string("message")).hasSize(130).endsWith("…");
        assertThat(body.string("description")).hasSizeLessThanOrEqualTo(15_000);
    }

    @Test
    void bindsAndValidatesSettings() throws Exception {
        OpsgenieConfig config = ConfigBinding.bind("""
                apiKey: k-123456
                apiUrl: https://api.eu.opsgenie.com/
                priority: P1
                responders:
                  - {type: team, name: sre}
                """, OpsgenieConfig.class);
        assertThat(config.responders()).containsExactly(new OpsgenieResponder("team", null, "sre", null));
        assertThat(config.message()).isEqualTo("{subject}");
        factory().validate(config);

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add("t" + i);
        }
        OpsgenieConfig bad = new OpsgenieConfig(Secret.of(""), "https://api.opsgenie.com?x", "{", null, "urgent",
                tooMany, Map.of(), List.of(new OpsgenieResponder("group", null, "sre", null),
                        new OpsgenieResponder("team", "1", "sre", null),
                        new OpsgenieResponder("team", null, null, "jane")),
                null, " ", true, Duration.ofSeconds(5));
        assertThatThrownBy(() -> factory().validate(bad))
                .hasMessageContaining("apiKey: is required")
                .hasMessageContaining("apiUrl: must be a base URL without query or fragment")
                .hasMessageContaining("message: unclosed '{'")
                .hasMessageContaining("priority: must be one of P1, P2, P3, P4, P5, got 'urgent'")
                .hasMessageContaining("tags: Opsgenie takes at most 20 tags, got 21")
                .hasMessageContaining("responders[0].type: must be one of [team, user, escalation, schedule], got 'group'")
                .hasMessageContaining("responders[1]: give exactly one of id, name and username")
                .hasMessageContaining("responders[2].username: is only for responders of type user")
                .hasMessageContaining("source: must not be empty");
    }
}
