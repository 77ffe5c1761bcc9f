package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertSink;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.RuleTool;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerting plugin from its JAR, in a real kernel with the metrics plugin's JAR. */
class AlertingPluginIT {

    static final Path ALERTING_JAR = Path.of(System.getProperty("vigil.alerting.jar", "target/vigil-alerting-plugin.jar"));
    static final Path METRICS_JAR = Path.of(System.getProperty("vigil.metrics.jar", "target/plugin-jars/vigil-metrics-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static final Labels A = Labels.of("__name__", "demo_up", "instance", "a", "job", "demo");
    static final Labels B = Labels.of("__name__", "demo_up", "instance", "b", "job", "demo");

    static final String RULES = """
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

    static TestKernel start(String config) throws Exception {
        return TestKernel.builder().systemClock().pluginJar(METRICS_JAR).pluginJar(ALERTING_JAR).config(config).start();
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Test
    void aFiringRuleReachesTheWebhookOnceForItsGroupAndOnceResolved(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
        try (WebhookReceiver webhook = new WebhookReceiver();
                TestKernel kernel = start("alerting:\n"
                        + "  ruleFiles: [\"" + rules + "\"]\n"
                        + "  route:\n"
                        + "    receiver: ops\n"
                        + "    group_by: [alertname]\n"
                        + "    group_wait: 1s\n"
                        + "    group_interval: 1s\n"
                        + "  receivers:\n"
                        + "    - name: ops\n"
                        + "      channels:\n"
                        + "        - type: webhook\n"
                        + "          url: " + webhook.url("/hook") + "\n"
                        + "          bearerToken: s3cr3t-token\n"
                        + "metrics:\n"
                        + "  selfScrapeInterval: 0s\n")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();

            Samples.write(store, System.currentTimeMillis(), 0, A, B);

            Await.until("a firing notification", WAIT, webhook::received, r -> !r.isEmpty());
            WebhookReceiver.Received firing = webhook.received().get(0);
            assertThat(firing.authorization()).isEqualTo("Bearer s3cr3t-token");
            assertThat(firing.body().path("status").asText()).isEqualTo("firing");
            assertThat(firing.body().path("alerts")).hasSize(2);

            JsonNode rulesApi = json(kernel.get("/api/v1/rules").body());
            JsonNode rule = rulesApi.path("data").path("groups").get(0).path("rules").get(0);
            assertThat(rule.path("name").asText()).isEqualTo("DemoDown");
            assertThat(rule.path("state").asText()).isEqualTo("firing");
            assertThat(rule.path("alerts")).hasSize(2);
            assertThat(rule.path("alerts").get(0).path("value").asText()).isEqualTo("0e+00");
            // as in Prometheus, ALERTS is written once the rules have restored their state, a couple of evaluations in
            String alertsQuery = "/api/v1/query?query=" + URLEncoder.encode("ALERTS{alertstate=\"firing\"}", StandardCharsets.UTF_8);
            JsonNode series = Await.until("ALERTS in the store", WAIT,
                    () -> json(kernel.get(alertsQuery).body()).path("data").path("result"), r -> r.size() == 2);
            assertThat(series.get(0).path("metric").path("alertname").asText()).isEqualTo("DemoDown");

            Samples.write(store, System.currentTimeMillis(), 1, A, B);

            Await.until("a resolved notification", WAIT, webhook::bodies,
                    r -> r.get(r.size() - 1).path("status").asText().equals("resolved"));
            List<JsonNode> bodies = webhook.bodies();
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(1).path("alerts")).hasSize(2);

            String receivers = kernel.get("/api/v1/alerting/receivers").body();
            assertThat(receivers).contains("\"bearerToken\":\"<secret>\"", "\"state\":\"ready\"").doesNotContain("s3cr3t-token");
            JsonNode history = json(kernel.get("/api/v1/alerting/history?receiver=ops&outcome=delivered").body());
            assertThat(history.path("data").path("entries")).hasSize(2);
        }
    }

    @Test
    void alertsPostedByAnotherPluginAreRoutedAndDelivered() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver();
                TestKernel kernel = start("alerting:\n"
                        + "  route:\n"
                        + "    receiver: ops\n"
                        + "    group_by: [alertname]\n"
                        + "    group_wait: 0s\n"
                        + "  receivers:\n"
                        + "    - name: ops\n"
                        + "      channels:\n"
                        + "        - type: webhook\n"
                        + "          url: " + webhook.url("/hook") + "\n")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            AlertSink sink = kernel.kernel().services().find(AlertSink.class).orElseThrow();

            sink.post(List.of(new Alert(AlertStatus.FIRING, Map.of("alertname", "NewErrorIssue", "service", "checkout"),
                    Map.of("summary", "IllegalStateException: cart is empty"), Instant.now(), Optional.empty(), "", "ignored")));

            List<JsonNode> bodies = Await.until("the posted alert at the webhook", WAIT, webhook::bodies, b -> !b.isEmpty());
            JsonNode alert = bodies.get(0).path("alerts").get(0);
            assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("NewErrorIssue");
            assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("IllegalStateException: cart is empty");
            assertThat(alert.path("fingerprint").asText()).hasSize(16).isNotEqualTo("ignored");
        }
    }

    @Test
    void relativeRuleFilesAreReadFromTheFolderOfTheConfigurationFile() throws Exception {
        try (TestKernel kernel = start("alerting:\n  ruleFiles: [\"rules/*.yml\"]\n")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            Path folder = Files.createDirectories(kernel.configFile().getParent().resolve("rules"));
            Files.writeString(folder.resolve("demo.yml"), RULES);

            assertThat(kernel.postAsAdmin("/api/v1/alerting/rules/reload").statusCode()).isEqualTo(200);

            JsonNode groups = json(kernel.get("/api/v1/rules").body()).path("data").path("groups");
            assertThat(groups).hasSize(1);
            assertThat(groups.get(0).path("file").asText()).isEqualTo(folder.resolve("demo.yml").toString());
        }
    }

    @Test
    void theRuleToolChecksFilesWithThePlatformsParser(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "groups:\n  - name: g\n    rules:\n      - record: x\n        expr: rate(up)\n");
        try (TestKernel kernel = start("")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            RuleTool tool = kernel.kernel().services().find(RuleTool.class).orElseThrow();
            StringWriter report = new StringWriter();
            assertThat(tool.check(List.of(bad), new PrintWriter(report))).isFalse();
            assertThat(report.toString()).contains(bad + ": 5:15: group \"g\", rule 1, \"x\": could not parse expression: ");
        }
    }

    @Test
    void aReceiverOfAnUnknownTypeWaitsAndIsReportedNotRefused() throws Exception {
        try (TestKernel kernel = start("alerting:\n"
                + "  route:\n"
                + "    receiver: pager\n"
                + "  receivers:\n"
                + "    - name: pager\n"
                + "      channels:\n"
                + "        - type: carrier_pigeon\n"
                + "          loft: north\n")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);

            JsonNode channel = json(kernel.get("/api/v1/alerting/receivers").body()).path("data").path("receivers").get(0)
                    .path("channels").get(0);

            assertThat(channel.path("name").asText()).isEqualTo("carrier_pigeon[0]");
            assertThat(channel.path("state").asText()).isEqualTo("waiting_for_channel_type");
            assertThat(channel.path("detail").asText()).contains("carrier_pigeon");
        }
    }
}
