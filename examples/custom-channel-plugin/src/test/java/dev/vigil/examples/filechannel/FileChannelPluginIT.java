package dev.vigil.examples.filechannel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This plugin deployed into a running platform with the metrics and alerting plugins, all from their JARs: a route to
 * a receiver of type {@code file} starts delivering when the plugin arrives, its notifications wait in the alerting
 * plugin's outbox while the plugin is gone, and arrive when it is back.
 */
class FileChannelPluginIT {

    static final Path JAR = Path.of(System.getProperty("vigil.file-channel.jar", "target/vigil-custom-channel-plugin.jar"));
    static final Path METRICS_JAR = Path.of(System.getProperty("vigil.metrics.jar", "target/plugin-jars/vigil-metrics-plugin.jar"));
    static final Path ALERTING_JAR = Path.of(System.getProperty("vigil.alerting.jar", "target/plugin-jars/vigil-alerting-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static final String RULES = """
            groups:
              - name: demo
                interval: 1s
                rules:
                  - alert: DemoDown
                    expr: demo_up == 0
                    annotations:
                      summary: "{{ $labels.instance }} is down"
            """;

    @Test
    void aRouteOfTheNewTypeDeliversWhileThePluginIsThereAndWaitsWhileItIsNot(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
        Path out = dir.resolve("out").resolve("notifications.jsonl");
        String config = "alerting:\n"
                + "  ruleFiles: [\"" + rules + "\"]\n"
                + "  route:\n"
                + "    receiver: files\n"
                + "    group_by: [instance]\n"
                + "    group_wait: 1s\n"
                + "    group_interval: 1s\n"
                + "  receivers:\n"
                + "    - name: files\n"
                + "      channels:\n"
                + "        - type: file\n"
                + "          path: " + out + "\n"
                + "metrics:\n"
                + "  selfScrapeInterval: 0s\n";
        try (TestKernel kernel = TestKernel.builder().systemClock().pluginJar(METRICS_JAR).pluginJar(ALERTING_JAR).config(config).start()) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();
            assertThat(channelState(kernel)).isEqualTo("waiting_for_channel_type");

            kernel.deploy(JAR, "file-channel.jar");
            kernel.awaitState("file-channel", PluginState.ACTIVE, WAIT);
            Await.until("the file channel to be ready", WAIT, () -> channelState(kernel), "ready"::equals);
            down(store, "a");
            Await.until("the notification for a in the file", WAIT, () -> lines(out), l -> l.size() == 1);

            kernel.undeploy("file-channel.jar");
            kernel.awaitAbsent("file-channel", WAIT);
            down(store, "b");
            JsonNode waiting = Await.until("the notification for b to wait in the outbox", WAIT,
                    () -> api(kernel, "/api/v1/alerting/outbox").path("waiting"), w -> w.size() == 1);
            assertThat(waiting.get(0).path("state").asText()).isEqualTo("waiting_for_channel_type");
            assertThat(waiting.get(0).path("type").asText()).isEqualTo("file");
            assertThat(waiting.get(0).path("receiver").asText()).isEqualTo("files");
            assertThat(channelState(kernel)).isEqualTo("waiting_for_channel_type");
            assertThat(lines(out)).hasSize(1);

            kernel.deploy(JAR, "file-channel.jar");
            kernel.awaitState("file-channel", PluginState.ACTIVE, WAIT);

            List<JsonNode> lines = Await.until("the waiting notification in the file", WAIT, () -> lines(out), l -> l.size() == 2);
            assertThat(lines.get(0).path("groupLabels").path("instance").asText()).isEqualTo("a");
            assertThat(lines.get(1).path("groupLabels").path("instance").asText()).isEqualTo("b");
            assertThat(lines.get(1).path("status").asText()).isEqualTo("firing");
            assertThat(lines.get(1).path("alerts").get(0).path("annotations").path("summary").asText()).isEqualTo("b is down");
            assertThat(lines.get(0).path("id").asText()).isNotEqualTo(lines.get(1).path("id").asText());
            Await.until("the outbox to drain", WAIT, () -> api(kernel, "/api/v1/alerting/outbox").path("pending").asInt(), p -> p == 0);
            JsonNode history = api(kernel, "/api/v1/alerting/history?receiver=files&outcome=delivered").path("entries");
            assertThat(history).hasSize(2);
        }
    }

    private static void down(MetricStore store, String instance) throws Exception {
        try (MetricAppender appender = store.appender()) {
            appender.append(0, Labels.of("__name__", "demo_up", "instance", instance), System.currentTimeMillis(), 0);
            appender.commit();
        }
    }

    private static String channelState(TestKernel kernel) {
        return api(kernel, "/api/v1/alerting/receivers").path("receivers").get(0).path("channels").get(0).path("state").asText();
    }

    private static JsonNode api(TestKernel kernel, String path) {
        try {
            return JSON.readTree(kernel.get(path).body()).path("data");
        } catch (Exception e) {
            throw new AssertionError("GET " + path, e);
        }
    }

    private static List<JsonNode> lines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("reading " + file, e);
        }
    }
}
