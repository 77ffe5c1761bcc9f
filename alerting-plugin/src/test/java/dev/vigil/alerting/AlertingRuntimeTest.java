package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.metrics.MetricsPlugin;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in a real kernel next to the metrics plugin: a rule over stored samples fires, the webhook receives one
 * notification for the group, and one resolved notification once the condition clears.
 */
class AlertingRuntimeTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Labels A = Labels.of("__name__", "demo_up", "instance", "a", "job", "demo");
    static final Labels B = Labels.of("__name__", "demo_up", "instance", "b", "job", "demo");

    static String rules() {
        return """
                groups:
                  - name: demo
                    interval: 1s
                    rules:
                      - alert: DemoDown
                        expr: demo_up == 0
                        labels:
                          severity: page
                        annotations:
                          summary: "{{ $labels.instance }} is down"
                """;
    }

    static String config(Path ruleFile, String webhookUrl) {
        return "alerting:\n"
                + "  ruleFiles: [\"" + ruleFile + "\"]\n"
                + "  evaluationInterval: 1s\n"
                + "  externalUrl: http://vigil.example:9400\n"
                + "  route:\n"
                + "    receiver: ops\n"
                + "    group_by: [alertname]\n"
                + "    group_wait: 1s\n"
                + "    group_interval: 1s\n"
                + "    repeat_interval: 1h\n"
                + "  receivers:\n"
                + "    - name: ops\n"
                + "      channels:\n"
                + "        - type: webhook\n"
                + "          url: " + webhookUrl + "\n"
                + "metrics:\n"
                + "  selfScrapeInterval: 0s\n";
    }

    static TestKernel start(String config) throws Exception {
        return TestKernel.builder().systemClock()
                .plugin("metrics", "0.1.0", MetricsPlugin::new)
                .plugin("alerting", "0.1.0", AlertingPlugin::new, "metrics")
                .config(config)
                .start();
    }

    @Test
    void acknowledgingAGroupTellsAChannelWithAnAcknowledgedStateOfItsOwn(@TempDir Path dir) throws Exception {
        Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules());
        try (RecordingHttpServer pagerDuty = new RecordingHttpServer().otherwise(RecordingHttpServer.Reply.of(202, "{\"status\":\"success\"}"));
                TestKernel kernel = start("alerting:\n"
                        + "  ruleFiles: [\"" + ruleFile + "\"]\n"
                        + "  route: {receiver: oncall, group_by: [alertname], group_wait: 1s, group_interval: 1s}\n"
                        + "  receivers:\n"
                        + "    - name: oncall\n"
                        + "      channels:\n"
                        + "        - type: pagerduty\n"
                        + "          routingKey: r0ut1ngk3y\n"
                        + "          url: " + pagerDuty.url("/v2/enqueue") + "\n"
                        + "metrics:\n  selfScrapeInterval: 0s\n")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();
            Samples.write(store, System.currentTimeMillis(), 0, A, B);
            JsonNode trigger = Await.until("a trigger event", WAIT, pagerDuty::requests, r -> !r.isEmpty()).get(0).json();
            assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
            ApiClient api = new ApiClient(kernel);
            String groupKey = api.get("/api/v1/alerting/groups").data().get(0).path("groupKey").asText();

            ApiClient.Answer acks = api.post("/api/v1/alerting/groups/ack", "{\"groupKey\":\"" + groupKey.replace("\"", "\\\"")
                    + "\",\"by\":\"ada\"}");

            assertThat(acks.data()).hasSize(2);
            JsonNode acknowledge = Await.until("an acknowledge event", WAIT, pagerDuty::requests, r -> r.size() == 2).get(1).json();
            assertThat(acknowledge.path("event_action").asText()).isEqualTo("acknowledge");
            assertThat(acknowledge.path("dedup_key").asText()).isEqualTo(trigger.path("dedup_key").asText());
            JsonNode history = Await.until("the acknowledgement in the history", WAIT,
                    () -> api.get("/api/v1/alerting/history?receiver=oncall").data().path("entries"), e -> e.size() == 2);
            assertThat(history.get(0).path("detail").asText()).startsWith("acknowledge: ");
            assertThat(history.get(0).path("outcome").asText()).isEqualTo("delivered");
        }
    }

    @Test
    void alertsSilencesAndWhatWasSentSurviveARestartOfThePlugin(@TempDir Path dir) throws Exception {
        Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules());
        try (WebhookReceiver webhook = new WebhookReceiver();
                TestKernel kernel = start(config(ruleFile, webhook.url("/hook")))) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();
            Samples.write(store, System.currentTimeMillis(), 0, A, B);
            Await.until("a firing notification", WAIT, webhook::bodies, r -> !r.isEmpty());
            ApiClient api = new ApiClient(kernel);
            String silence = api.post("/api/v1/alerting/silences", "{\"matchers\":[\"instance=\\\"zzz\\\"\"],\"createdBy\":\"ada\","
                    + "\"endsAt\":\"" + Instant.now().plusSeconds(3600) + "\"}").data().path("silenceID").asText();

            assertThat(kernel.postAsAdmin("/api/v1/plugins/alerting/reload").statusCode()).isEqualTo(200);
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            Instant restarted = Instant.now();
            Samples.write(store, System.currentTimeMillis(), 0, A, B);

            assertThat(api.get("/api/v1/alerting/silences/" + silence).status()).isEqualTo(200);
            assertThat(Await.until("the alerts after the restart", WAIT, () -> api.get("/api/v1/alerting/alerts").data(), a -> a.size() == 2))
                    .hasSize(2);
            // once the group has been flushed after the restart (its next flush is a group interval past a flush that
            // came after the group wait), the notification log has kept it from sending the same notification again
            Await.until("the group to be flushed after the restart", WAIT,
                    () -> api.get("/api/v1/alerting/groups").data().path(0).path("nextFlush").asText(),
                    t -> !t.isEmpty() && Instant.parse(t).isAfter(restarted.plusSeconds(2)));
            assertThat(webhook.bodies()).hasSize(1);
        }
    }

    @Test
    void aRuleThatFiresIsNotifiedOnceForItsGroupAndOnceWhenItResolves(@TempDir Path dir) throws Exception {
        Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules());
        try (WebhookReceiver webhook = new WebhookReceiver();
                TestKernel kernel = start(config(ruleFile, webhook.url("/hook")))) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();
            Samples.write(store, System.currentTimeMillis(), 0, A, B);

            Await.until("a firing notification", WAIT, webhook::bodies, r -> !r.isEmpty());
            JsonNode firing = webhook.bodies().get(0);
            assertThat(firing.path("status").asText()).isEqualTo("firing");
            assertThat(firing.path("receiver").asText()).isEqualTo("ops");
            assertThat(firing.path("groupLabels").path("alertname").asText()).isEqualTo("DemoDown");
            assertThat(firing.path("alerts")).hasSize(2);
            assertThat(firing.path("alerts").get(0).path("annotations").path("summary").asText()).isEqualTo("a is down");
            assertThat(firing.path("externalURL").asText()).isEqualTo("http://vigil.example:9400");

            Samples.write(store, System.currentTimeMillis(), 1, A, B);

            Await.until("a resolved notification", WAIT, webhook::bodies, r -> r.size() >= 2
                    && r.get(r.size() - 1).path("status").asText().equals("resolved"));
            List<JsonNode> bodies = webhook.bodies();
            assertThat(bodies).hasSize(2);
            JsonNode resolved = bodies.get(1);
            assertThat(resolved.path("alerts")).hasSize(2);
            assertThat(resolved.path("alerts").get(0).path("status").asText()).isEqualTo("resolved");
            assertThat(resolved.path("groupKey").asText()).isEqualTo(firing.path("groupKey").asText());
        }
    }
}
