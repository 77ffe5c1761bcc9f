package dev.vigil.alerting.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.HttpChannelContract;
import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.RecordingHttpServer;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlackWebhookChannelTest extends HttpChannelContract<SlackConfig> {

    private static final String HOOK_PATH = "/services/T0123ABCD/B0456EFGH/Xk9vQm2TzL8wRp4Ys7Nd3Hc1";

    @Override
    protected NotificationChannelFactory<SlackConfig> factory() {
        return new SlackChannelFactory();
    }

    @Override
    protected SlackConfig config(String baseUrl, Duration timeout, boolean sendResolved) {
        return new SlackConfig(Secret.of(baseUrl + HOOK_PATH), null, SlackConfig.DEFAULT_API_URL, null, null, null,
                null, "{subject}", List.of(), sendResolved, timeout);
    }

    @Override
    protected List<String> secrets() {
        return List.of("Xk9vQm2TzL8wRp4Ys7Nd3Hc1");
    }

    @Override
    protected RecordingHttpServer.Reply success() {
        return RecordingHttpServer.Reply.of(200, "ok");
    }

    @Test
    void postsBlockKitMessageWithHeaderSectionsAndLinks() throws Exception {
        channel().deliver(TestNotifications.mixed());

        Request request = server.only();
        assertThat(request.path()).isEqualTo(HOOK_PATH);
        JsonShape message = SlackSchema.check(request);
        assertThat(message.string("text")).isEqualTo("[FIRING:2] HighLatency (api critical) — 2 firing, 1 resolved");
        List<JsonShape> blocks = message.objects("blocks");
        assertThat(blocks).extracting(b -> b.string("type"))
                .containsExactly("header", "section", "section", "section", "context");
        assertThat(blocks.get(0).object("text").string("text")).isEqualTo("[FIRING:2] HighLatency (api critical)");
        String first = blocks.get(1).object("text").string("text");
        assertThat(first).startsWith(":red_circle: *FIRING* · *HighLatency*\nLatency above 1s on api-1:8080")
                .endsWith("<http://prometheus.example:9090/graph?g0.expr=latency%3E1|Source>");
        assertThat(blocks.get(1).objects("fields")).extracting(f -> f.string("text"))
                .containsExactly("*instance*\napi-1:8080", "*job*\napi", "*severity*\ncritical");
        assertThat(blocks.get(3).object("text").string("text")).startsWith(":large_green_circle: *RESOLVED*");
        assertThat(blocks.get(4).objects("elements")).extracting(e -> e.string("text"))
                .containsExactly("<" + TestingChannelContext.EXTERNAL_URL + "|Open Vigil>",
                        "<https://runbooks.example/latency|Runbook>");
        JsonShape attachment = message.objects("attachments").get(0);
        assertThat(attachment.string("color")).isEqualTo(SlackMessage.RED);
        assertThat(attachment.string("text")).isEqualTo("2 firing, 1 resolved");
    }

    @Test
    void colourFollowsStatusAndSeverity() throws Exception {
        Alert warning = withLabel(TestNotifications.firing("a:1"), "severity", "warning");

        channel().deliver(TestNotifications.allResolved());
        channel().deliver(TestNotifications.notification(List.of(warning)));

        assertThat(server.requests()).extracting(r -> SlackSchema.check(r).objects("attachments").get(0).string("color"))
                .containsExactly(SlackMessage.GREEN, SlackMessage.AMBER);
    }

    @Test
    void staysWithinSlacksLimitsForLargeGroupsAndLongTexts() throws Exception {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < 14; i++) {
            labels.put("label_" + i, "v".repeat(2500));
        }
        labels.put("alertname", "A".repeat(400));
        Alert big = new Alert(AlertStatus.FIRING, labels, Map.of("summary", "<b>&</b> " + "s".repeat(5000)),
                TestNotifications.STARTS_AT, Optional.empty(), "http://prometheus.example:9090/graph", "f");
        List<Alert> alerts = new java.util.ArrayList<>(TestNotifications.manyFiring(80).alerts());
        alerts.add(0, big);

        channel().deliver(TestNotifications.notification(alerts));

        JsonShape message = SlackSchema.check(server.only());
        List<JsonShape> blocks = message.objects("blocks");
        assertThat(blocks).hasSize(50);
        String bigText = blocks.get(1).object("text").string("text");
        assertThat(bigText).contains("&lt;b&gt;&amp;&lt;/b&gt;").endsWith("|Source>");
        assertThat(blocks.get(1).objects("fields")).hasSize(10);
        assertThat(blocks.get(1).objects("fields").get(9).string("text")).isEqualTo("_+5 more labels_");
        assertThat(blocks.get(48).object("text").string("text")).isEqualTo("_… and 34 more alerts not shown_");
    }

    @Test
    void overridesChannelUsernameAndIcon() throws Exception {
        SlackConfig config = new SlackConfig(Secret.of(server.url(HOOK_PATH)), null, SlackConfig.DEFAULT_API_URL,
                "#alerts", "Vigil", ":rotating_light:", "https://vigil.example/icon.png", "{STATUS} {commonLabels.job}",
                List.of(new Link("https://grafana.example/d/1", "Dashboard")), true, Duration.ofSeconds(5));

        factory().create("slack", config, context).deliver(TestNotifications.firingOne());

        JsonShape message = SlackSchema.check(server.only());
        assertThat(message.string("channel")).isEqualTo("#alerts");
        assertThat(message.string("username")).isEqualTo("Vigil");
        assertThat(message.string("icon_emoji")).isEqualTo(":rotating_light:");
        assertThat(message.node().has("icon_url")).as("the emoji wins").isFalse();
        assertThat(message.objects("blocks").get(0).object("text").string("text")).isEqualTo("FIRING api");
        List<JsonShape> blocks = message.objects("blocks");
        assertThat(blocks.get(blocks.size() - 1).objects("elements")).extracting(e -> e.string("text"))
                .contains("<https://grafana.example/d/1|Dashboard>");
    }

    @Test
    void bindsAndValidatesSettings() throws Exception {
        SlackConfig hook = ConfigBinding.bind("webhookUrl: https://hooks.slack.com/services/T1/B2/c3\n", SlackConfig.class);
        assertThat(hook).isEqualTo(SlackConfig.webhook(Secret.of("https://hooks.slack.com/services/T1/B2/c3")));
        factory().validate(hook);
        SlackConfig bot = ConfigBinding.bind("botToken: xoxb-1-2-3\nchannel: C1234567890\n", SlackConfig.class);
        assertThat(bot).isEqualTo(SlackConfig.bot(Secret.of("xoxb-1-2-3"), "C1234567890"));
        factory().validate(bot);

        assertThatThrownBy(() -> factory().validate(ConfigBinding.bind("channel: '#x'\n", SlackConfig.class)))
                .hasMessageContaining("webhookUrl: is required, unless botToken and channel are given");
        assertThatThrownBy(() -> factory().validate(ConfigBinding.bind("botToken: xoxb-1\n", SlackConfig.class)))
                .hasMessageContaining("channel: is required with botToken");
        SlackConfig both = new SlackConfig(Secret.of("https://hooks.slack.com/x"), Secret.of("xoxb-1"),
                SlackConfig.DEFAULT_API_URL, null, null, "rotating_light", "icon.png", "{", List.of(), true,
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> factory().validate(both))
                .hasMessageContaining("botToken: cannot be given together with webhookUrl")
                .hasMessageContaining("iconEmoji: must be an emoji code such as :rotating_light:, got 'rotating_light'")
                .hasMessageContaining("iconUrl: must be an http or https URL, got 'icon.png'")
                .hasMessageContaining("title: unclosed '{'");
    }

    private static Alert withLabel(Alert alert, String name, String value) {
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.put(name, value);
        return new Alert(alert.status(), labels, alert.annotations(), alert.startsAt(), alert.endsAt(),
                alert.generatorUrl(), alert.fingerprint());
    }
}
