package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.metrics.MetricsPlugin;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
