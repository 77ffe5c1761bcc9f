package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.api.metrics.Labels;
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
 * A third-party channel plugin (examples/custom-channel-plugin, type {@code file}) deployed into a running platform:
 * its route starts delivering when it arrives, its notifications wait in the outbox while it is gone, and arrive when
 * it is back.
 */
class CustomChannelPluginIT {

    static final Path FILE_CHANNEL_JAR = Path.of(System.getProperty("vigil.file-channel.jar",
            "target/plugin-jars/vigil-custom-channel-plugin.jar"));
    static final Duration WAIT = AlertingPluginIT.WAIT;

    @Test
    void aRouteOfTheNewTypeDeliversWhileThePluginIsThereAndWaitsWhileItIsNot(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), AlertingPluginIT.RULES);
        Path out = dir.resolve("out").resolve("notifications.jsonl");
        try (TestKernel kernel = AlertingPluginIT.start("alerting:\n"
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
                + "  selfScrapeInterval: 0s\n")) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            MetricStore store = kernel.kernel().services().find(MetricStore.class).orElseThrow();
            assertThat(channelState(kernel)).isEqualTo("waiting_for_channel_type");

            kernel.deploy(FILE_CHANNEL_JAR, "file-channel.jar");
            kernel.awaitState("file-channel", PluginState.ACTIVE, WAIT);
            Await.until("the file channel to be ready", WAIT, () -> channelState(kernel), "ready"::equals);
            Samples.write(store, System.currentTimeMillis(), 0, Labels.of("__name__", "demo_up", "instance", "a"));
            Await.until("the notification for a in the file", WAIT, () -> lines(out), l -> l.size() == 1);

            kernel.undeploy("file-channel.jar");
            kernel.awaitAbsent("file-channel", WAIT);
            Samples.write(store, System.currentTimeMillis(), 0, Labels.of("__name__", "demo_up", "instance", "b"));
            JsonNode waiting = Await.until("the notification for b to wait in the outbox", WAIT,
                    () -> outbox(kernel).path("waiting"), w -> w.size() == 1);
            assertThat(waiting.get(0).path("state").asText()).isEqualTo("waiting_for_channel_type");
            assertThat(waiting.get(0).path("type").asText()).isEqualTo("file");
            assertThat(waiting.get(0).path("receiver").asText()).isEqualTo("files");
            assertThat(channelState(kernel)).isEqualTo("waiting_for_channel_type");
            assertThat(lines(out)).hasSize(1);

            kernel.deploy(FILE_CHANNEL_JAR, "file-channel.jar");
            kernel.awaitState("file-channel", PluginState.ACTIVE, WAIT);

            List<JsonNode> lines = Await.until("the waiting notification in the file", WAIT, () -> lines(out), l -> l.size() == 2);
            assertThat(lines.get(0).path("groupLabels").path("instance").asText()).isEqualTo("a");
            assertThat(lines.get(1).path("groupLabels").path("instance").asText()).isEqualTo("b");
            assertThat(lines.get(1).path("status").asText()).isEqualTo("firing");
            assertThat(lines.get(0).path("id").asText()).isNotEqualTo(lines.get(1).path("id").asText());
            assertThat(Await.until("the outbox to drain", WAIT, () -> outbox(kernel).path("pending").asInt(), p -> p == 0)).isZero();
        }
    }

    private static String channelState(TestKernel kernel) {
        try {
            return AlertingPluginIT.json(kernel.get("/api/v1/alerting/receivers").body()).path("data").path("receivers").get(0)
                    .path("channels").get(0).path("state").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode outbox(TestKernel kernel) {
        try {
            return AlertingPluginIT.json(kernel.get("/api/v1/alerting/outbox").body()).path("data");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> lines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file)) {
                out.add(AlertingPluginIT.json(line));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
