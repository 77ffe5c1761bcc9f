package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.channel.LogCapture;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's HTTP API over a running platform in which a rule fires for two instances, each its own group. */
class AlertingApiTest {

    @TempDir
    Path dir;
    WebhookReceiver webhook;
    TestKernel kernel;
    ApiClient api;
    Path ruleFile;

    @BeforeEach
    void start() throws Exception {
        ruleFile = Files.writeString(dir.resolve("rules.yml"), AlertingRuntimeTest.rules());
        webhook = new WebhookReceiver();
        kernel = AlertingRuntimeTest.start(config(webhook.url("/hook"), "team", "s3cr3t"));
        api = new ApiClient(kernel);
        kernel.awaitState("alerting", PluginState.ACTIVE, AlertingRuntimeTest.WAIT);
        MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();
        Samples.write(store, System.currentTimeMillis(), 0, AlertingRuntimeTest.A, AlertingRuntimeTest.B);
        Await.until("both groups notified", AlertingRuntimeTest.WAIT, webhook::bodies, b -> b.size() == 2);
    }

    @AfterEach
    void stop() {
        kernel.close();
        webhook.close();
    }

    String config(String url, String receiver, String token) {
        return "alerting:\n"
                + "  ruleFiles: [\"" + ruleFile + "\"]\n"
                + "  route:\n"
                + "    receiver: " + receiver + "\n"
                + "    group_by: [instance]\n"
                + "    group_wait: 1s\n"
                + "    group_interval: 1s\n"
                + "    repeat_interval: 1h\n"
                + "  receivers:\n"
                + "    - name: " + receiver + "\n"
                + "      channels:\n"
                + "        - type: webhook\n"
                + "          url: " + url + "\n"
                + "          bearerToken: " + token + "\n"
                + "metrics:\n"
                + "  selfScrapeInterval: 0s\n";
    }

    @Test
    void alertsAreListedWithTheirStateAndFilteredByMatchersStateAndReceiver() {
        JsonNode alerts = api.get("/api/v1/alerting/alerts").data();
        assertThat(alerts).hasSize(2);
        JsonNode a = alerts.get(0);
        assertThat(a.path("labels").path("alertname").asText()).isEqualTo("DemoDown");
        assertThat(a.path("labels").path("instance").asText()).isEqualTo("a");
        assertThat(a.path("annotations").path("summary").asText()).isEqualTo("a is down");
        assertThat(a.path("status").path("state").asText()).isEqualTo("active");
        assertThat(a.path("fingerprint").asText()).hasSize(16);
        assertThat(a.path("receivers").get(0).path("name").asText()).isEqualTo("team");
        assertThat(a.path("acknowledgement").isNull()).isTrue();
        assertThat(a.path("endsAt").isNull()).isTrue();

        assertThat(api.get("/api/v1/alerting/alerts?filter=" + encode("instance=\"b\"")).data()).hasSize(1);
        assertThat(api.get("/api/v1/alerting/alerts?filter=" + encode("{alertname=\"DemoDown\", instance=~\"a|b\"}")).data()).hasSize(2);
        assertThat(api.get("/api/v1/alerting/alerts?state=suppressed").data()).isEmpty();
        assertThat(api.get("/api/v1/alerting/alerts?state=active,acknowledged").data()).hasSize(2);
        assertThat(api.get("/api/v1/alerting/alerts?receiver=te.*").data()).hasSize(2);
        assertThat(api.get("/api/v1/alerting/alerts?receiver=ops").data()).isEmpty();
        assertThat(api.get("/api/v1/alerting/alerts?state=sleeping").status()).isEqualTo(400);
        ApiClient.Answer badFilter = api.get("/api/v1/alerting/alerts?filter=" + encode("instance=~\"(\""));
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body().path("error").asText()).startsWith("invalid parameter \"filter\"");

        JsonNode groups = api.get("/api/v1/alerting/groups").data();
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).path("receiver").path("name").asText()).isEqualTo("team");
        assertThat(groups.get(0).path("alerts")).hasSize(1);
    }

    @Test
    void acknowledgingNeedsTheAdminTokenAndWhoAcknowledges() {
        String fingerprint = fingerprintOf("a");

        assertThat(api.postWithoutToken("/api/v1/alerting/alerts/" + fingerprint + "/ack", "{\"by\":\"ada\"}").status()).isEqualTo(401);
        ApiClient.Answer noAuthor = api.post("/api/v1/alerting/alerts/" + fingerprint + "/ack", "{}");
        assertThat(noAuthor.status()).isEqualTo(400);
        assertThat(noAuthor.body().path("error").asText()).isEqualTo("\"by\" is required: who acknowledges");
        assertThat(api.post("/api/v1/alerting/alerts/" + fingerprint + "/ack", "not json").status()).isEqualTo(400);

        ApiClient.Answer ack = api.post("/api/v1/alerting/alerts/" + fingerprint + "/ack",
                "{\"by\":\"ada\",\"comment\":\"on it\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.data().path("by").asText()).isEqualTo("ada");
        assertThat(ack.data().path("comment").asText()).isEqualTo("on it");
        assertThat(ack.data().path("fingerprint").asText()).isEqualTo(fingerprint);
        JsonNode acked = api.get("/api/v1/alerting/alerts?filter=" + encode("instance=\"a\"")).data().get(0);
        assertThat(acked.path("acknowledgement").path("by").asText()).isEqualTo("ada");
        assertThat(api.get("/api/v1/alerting/alerts?state=active").data()).hasSize(1);

        assertThat(api.post("/api/v1/alerting/alerts/" + fingerprint + "/unack", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/alerting/alerts/" + fingerprint + "/unack", "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/alerting/alerts?state=active").data()).hasSize(2);
        assertThat(api.post("/api/v1/alerting/alerts/0123456789abcdef/ack", "{\"by\":\"ada\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/alerting/alerts/not-a-fingerprint/ack", "{\"by\":\"ada\"}").status()).isEqualTo(400);
    }

    @Test
    void aGroupIsAcknowledgedAsAWhole() {
        String groupKey = api.get("/api/v1/alerting/groups?filter=" + encode("instance=\"b\"")).data().get(0).path("groupKey").asText();

        ApiClient.Answer acks = api.post("/api/v1/alerting/groups/ack", "{\"groupKey\":" + quote(groupKey) + ",\"by\":\"ada\"}");

        assertThat(acks.status()).isEqualTo(200);
        assertThat(acks.data()).hasSize(1);
        assertThat(api.get("/api/v1/alerting/alerts?state=acknowledged").data().get(0).path("labels").path("instance").asText())
                .isEqualTo("b");
        assertThat(api.post("/api/v1/alerting/groups/unack", "{\"groupKey\":" + quote(groupKey) + "}").data()).hasSize(1);
        assertThat(api.post("/api/v1/alerting/groups/ack", "{\"groupKey\":\"{}:{nothing}\",\"by\":\"ada\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/alerting/groups/ack", "{\"by\":\"ada\"}").status()).isEqualTo(400);
    }

    @Test
    void silencesAreCreatedListedAndExpired() {
        assertThat(api.postWithoutToken("/api/v1/alerting/silences", "{}").status()).isEqualTo(401);
        ApiClient.Answer refused = api.post("/api/v1/alerting/silences", "{\"createdBy\":\"ada\",\"endsAt\":\"" + Instant.now().plusSeconds(60) + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").asText()).contains("matchers");

        ApiClient.Answer created = api.post("/api/v1/alerting/silences", "{\"matchers\":[\"instance=\\\"a\\\"\"],"
                + "\"endsAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"createdBy\":\"ada\",\"comment\":\"maintenance\"}");
        assertThat(created.status()).isEqualTo(200);
        String id = created.data().path("silenceID").asText();
        JsonNode silence = api.get("/api/v1/alerting/silences/" + id).data();
        assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
        assertThat(silence.path("matchers").get(0).path("name").asText()).isEqualTo("instance");
        assertThat(silence.path("matchers").get(0).path("isEqual").asBoolean()).isTrue();
        assertThat(silence.path("createdBy").asText()).isEqualTo("ada");
        assertThat(api.get("/api/v1/alerting/silences").data()).hasSize(1);
        JsonNode silenced = api.get("/api/v1/alerting/alerts?state=silenced").data();
        assertThat(silenced).hasSize(1);
        assertThat(silenced.get(0).path("status").path("silencedBy").get(0).asText()).isEqualTo(id);

        ApiClient.Answer expired = api.delete("/api/v1/alerting/silences/" + id);

        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.data().path("status").path("state").asText()).isEqualTo("expired");
        assertThat(api.get("/api/v1/alerting/alerts?state=silenced").data()).isEmpty();
        assertThat(api.delete("/api/v1/alerting/silences/no-such-silence").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/alerting/silences/no-such-silence").status()).isEqualTo(404);
    }

    @Test
    void aRecurringSilenceTakesAScheduleAndAlertmanagerMatcherObjects() {
        ApiClient.Answer created = api.post("/api/v1/alerting/silences", "{\"matchers\":[{\"name\":\"job\",\"value\":\"de.*\",\"isRegex\":true}],"
                + "\"createdBy\":\"ada\",\"comment\":\"nightly backup\","
                + "\"schedule\":[{\"times\":[{\"start_time\":\"00:00\",\"end_time\":\"24:00\"}]}]}");

        assertThat(created.status()).isEqualTo(200);
        JsonNode silence = api.get("/api/v1/alerting/silences/" + created.data().path("silenceID").asText()).data();
        assertThat(silence.path("schedule").get(0).path("times").get(0).path("start_time").asText()).isEqualTo("00:00");
        assertThat(silence.path("endsAt").isNull()).isTrue();
        assertThat(silence.path("matchers").get(0).path("isRegex").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/alerting/alerts?state=silenced").data()).hasSize(2);
        assertThat(api.post("/api/v1/alerting/silences", "{\"matchers\":[\"job=\\\"x\\\"\"],\"createdBy\":\"a\",\"schedule\":[{\"weekdays\":[\"funday\"]}]}")
                .status()).isEqualTo(400);
    }

    @Test
    void rulesAndAlertsAreServedInPrometheusShapes() {
        JsonNode groups = api.get("/api/v1/rules").data().path("groups");
        assertThat(groups).hasSize(1);
        JsonNode group = groups.get(0);
        assertThat(group.path("name").asText()).isEqualTo("demo");
        assertThat(group.path("file").asText()).isEqualTo(ruleFile.toString());
        assertThat(group.path("interval").asDouble()).isEqualTo(1.0);
        assertThat(group.path("limit").asInt()).isZero();
        assertThat(group.path("lastEvaluation").asText()).endsWith("Z");
        JsonNode rule = group.path("rules").get(0);
        assertThat(rule.path("type").asText()).isEqualTo("alerting");
        assertThat(rule.path("state").asText()).isEqualTo("firing");
        assertThat(rule.path("health").asText()).isEqualTo("ok");
        assertThat(rule.path("query").asText()).isEqualTo("demo_up == 0");
        assertThat(rule.path("duration").asDouble()).isZero();
        assertThat(rule.path("labels").path("severity").asText()).isEqualTo("page");
        assertThat(rule.path("annotations").path("summary").asText()).isEqualTo("{{ $labels.instance }} is down");
        assertThat(rule.path("alerts")).hasSize(2);
        assertThat(rule.path("alerts").get(0).path("value").asText()).isEqualTo("0e+00");
        assertThat(rule.has("lastError")).isFalse();

        assertThat(api.get("/api/v1/rules?type=record").data().path("groups")).isEmpty();
        assertThat(api.get("/api/v1/rules?type=alert&exclude_alerts=true").data().path("groups").get(0).path("rules").get(0).has("alerts")).isFalse();
        assertThat(api.get("/api/v1/rules?rule_name[]=Other").data().path("groups")).isEmpty();
        ApiClient.Answer badType = api.get("/api/v1/rules?type=both");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().path("errorType").asText()).isEqualTo("bad_data");

        JsonNode alerts = api.get("/api/v1/alerts").data().path("alerts");
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).path("state").asText()).isEqualTo("firing");
        assertThat(alerts.get(0).path("activeAt").asText()).endsWith("Z");

        JsonNode files = api.get("/api/v1/alerting/rule-files").data();
        assertThat(files.get(0).path("path").asText()).isEqualTo(ruleFile.toString());
        assertThat(files.get(0).path("groups").asInt()).isEqualTo(1);
        assertThat(files.get(0).path("problems")).isEmpty();
    }

    @Test
    void aRefusedRuleFileIsReportedWithLineAndReasonWhileItsRulesKeepRunning() throws Exception {
        Files.writeString(ruleFile, "groups:\n  - name: demo\n    rules:\n      - alert: Broken\n        expr: sum(\n");

        assertThat(api.postWithoutToken("/api/v1/alerting/rules/reload", "").status()).isEqualTo(401);
        ApiClient.Answer reload = api.post("/api/v1/alerting/rules/reload", "");

        assertThat(reload.data().get(0).path("change").asText()).isEqualTo("refused");
        JsonNode problem = api.get("/api/v1/alerting/rule-files").data().get(0).path("problems").get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(5);
        assertThat(problem.path("message").asText()).isNotEmpty();
        assertThat(api.get("/api/v1/rules").data().path("groups").get(0).path("rules").get(0).path("name").asText()).isEqualTo("DemoDown");
    }

    @Test
    void theHistoryIsFilteredAndPaged() {
        JsonNode first = api.get("/api/v1/alerting/history?limit=1").data();
        assertThat(first.path("entries")).hasSize(1);
        JsonNode entry = first.path("entries").get(0);
        assertThat(entry.path("receiver").asText()).isEqualTo("team");
        assertThat(entry.path("channel").asText()).isEqualTo("webhook[0]");
        assertThat(entry.path("type").asText()).isEqualTo("webhook");
        assertThat(entry.path("outcome").asText()).isEqualTo("delivered");
        assertThat(entry.path("alertnames").get(0).asText()).isEqualTo("DemoDown");
        assertThat(entry.path("attempt").asInt()).isEqualTo(1);
        String next = first.path("nextPage").asText();
        assertThat(next).isNotEmpty();

        JsonNode second = api.get("/api/v1/alerting/history?limit=1&page=" + encode(next)).data();

        assertThat(second.path("entries")).hasSize(1);
        assertThat(second.path("entries").get(0).path("notification").asText()).isNotEqualTo(entry.path("notification").asText());
        assertThat(second.path("nextPage").isNull()).isTrue();
        assertThat(api.get("/api/v1/alerting/history?notification=" + entry.path("notification").asText()).data().path("entries"))
                .hasSize(1);
        assertThat(api.get("/api/v1/alerting/history?outcome=failed").data().path("entries")).isEmpty();
        assertThat(api.get("/api/v1/alerting/history?alertname=Other").data().path("entries")).isEmpty();
        assertThat(api.get("/api/v1/alerting/history?from=" + Instant.now().plusSeconds(60)).data().path("entries")).isEmpty();
        assertThat(api.get("/api/v1/alerting/history?outcome=lost").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/alerting/history?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/alerting/history?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/alerting/history?page=garbage").status()).isEqualTo(400);
    }

    @Test
    void theOutboxAndTheReceiversShowWhatIsDeliveredWithSecretsMasked() {
        JsonNode outbox = api.get("/api/v1/alerting/outbox").data();
        assertThat(outbox.path("pending").asInt()).isZero();
        assertThat(outbox.path("attempts").path("delivered").asLong()).isEqualTo(2);
        assertThat(outbox.path("waiting")).isEmpty();
        assertThat(outbox.path("queues").get(0).path("receiver").asText()).isEqualTo("team");

        JsonNode receivers = api.get("/api/v1/alerting/receivers").data();
        assertThat(receivers.path("channelTypes")).extracting(JsonNode::asText)
                .contains("webhook", "slack", "email", "pagerduty", "opsgenie", "teams", "alertmanager");
        JsonNode channel = receivers.path("receivers").get(0).path("channels").get(0);
        assertThat(channel.path("state").asText()).isEqualTo("ready");
        assertThat(channel.path("settings").path("url").asText()).isEqualTo("<secret>");
        assertThat(channel.path("settings").path("bearerToken").asText()).isEqualTo("<secret>");
        assertThat(api.get("/api/v1/alerting/receivers").body().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void changedReceiversAndRoutesApplyAtOnceAndBadChannelSettingsAreRefused() {
        kernel.writeConfig(config(webhook.url("/other"), "ops", "other-token"));

        Await.until("receiver ops", AlertingRuntimeTest.WAIT,
                () -> api.get("/api/v1/alerting/receivers").data().path("receivers").get(0).path("name").asText(), "ops"::equals);
        Await.until("the alerts routed to ops", AlertingRuntimeTest.WAIT,
                () -> api.get("/api/v1/alerting/alerts?receiver=ops").data().size(), n -> n == 2);

        try (LogCapture log = new LogCapture()) {
            kernel.writeConfig(config("ftp://nowhere", "pager", "x"));

            String refused = Await.until("the change to be refused", AlertingRuntimeTest.WAIT, log::text,
                    text -> text.contains("The alerting configuration was not applied"));
            assertThat(refused).contains("alerting.receivers[0].channels[0]: url: must be an http or https URL");
        }
        assertThat(api.get("/api/v1/alerting/receivers").data().path("receivers").get(0).path("name").asText()).isEqualTo("ops");
        assertThat(api.get("/api/v1/alerting/alerts?receiver=ops").data()).hasSize(2);
    }

    private String fingerprintOf(String instance) {
        return api.get("/api/v1/alerting/alerts?filter=" + encode("instance=\"" + instance + "\"")).data().get(0).path("fingerprint").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
