package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.alerting.channel.email.EmailConfig;
import dev.vigil.alerting.channel.email.TlsMode;
import dev.vigil.alerting.channel.webhook.WebhookConfig;
import dev.vigil.api.alerting.Secret;
import dev.vigil.kernel.config.ConfigMappers;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelSettingsBinderTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void bindsAsTheKernelBindsTheConfigurationFile() throws Exception {
        String[] webhooks = {
            "url: http://a/hook\n",
            "url: http://a/hook\ntimeout: 5s\nmaxAlerts: 3\nsendResolved: false\n",
            "url: http://a/hook\nbasicAuth: {username: u, password: p}\nheaders: {X-Key: k}\n",
        };
        for (String yaml : webhooks) {
            assertThat(ChannelSettingsBinder.bind(tree(yaml), WebhookConfig.class))
                    .isEqualTo(ConfigMappers.strict().treeToValue(tree(yaml), WebhookConfig.class));
        }
        String email = "host: smtp.example.com\nfrom: a@example.com\nto: [b@example.com]\ntls: TLS\ntimeout: 1m\n";
        EmailConfig bound = ChannelSettingsBinder.bind(tree(email), EmailConfig.class);
        assertThat(bound).isEqualTo(ConfigMappers.strict().treeToValue(tree(email), EmailConfig.class));
        assertThat(bound.tls()).isEqualTo(TlsMode.TLS);
    }

    @Test
    void durationsTakeTheFileFormsAndPrometheusCompoundOnes() throws Exception {
        assertThat(ChannelSettingsBinder.bind(tree("url: http://a\ntimeout: 1m30s\n"), WebhookConfig.class).timeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ChannelSettingsBinder.bind(tree("url: http://a\ntimeout: 250ms\n"), WebhookConfig.class).timeout())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(ChannelSettingsBinder.bind(tree("url: http://a\ntimeout: PT2S\n"), WebhookConfig.class).timeout())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ConfigDurations.format(Duration.ofSeconds(5430))).isEqualTo("1h30m30s");
        assertThat(ConfigDurations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(ConfigDurations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void problemsNameTheKeyAndTheReason() {
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("url: http://a\ntimout: 5s\n"), WebhookConfig.class))
                .isInstanceOfSatisfying(ChannelSettingsBinder.SettingsException.class, e -> {
                    assertThat(e.path()).isEqualTo("timout");
                    assertThat(e.getMessage()).startsWith("unknown key 'timout' (known keys: basicAuth, bearerToken, headers,")
                            .contains("timeout");
                });
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("url: http://a\ntimeout: soon\n"), WebhookConfig.class))
                .isInstanceOfSatisfying(ChannelSettingsBinder.SettingsException.class, e -> {
                    assertThat(e.path()).isEqualTo("timeout");
                    assertThat(e.getMessage()).isEqualTo("cannot convert 'soon' to a duration (expected " + ConfigDurations.ACCEPTED_FORMS + ")");
                });
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("url: http://a\nbasicAuth: {username: u, password: p, realm: x}\n"), WebhookConfig.class))
                .isInstanceOfSatisfying(ChannelSettingsBinder.SettingsException.class, e -> assertThat(e.path()).isEqualTo("basicAuth.realm"));
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("timeout: 5s\n"), WebhookConfig.class))
                .isInstanceOfSatisfying(ChannelSettingsBinder.SettingsException.class, e -> assertThat(e.getMessage()).isEqualTo("url is required"));
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("url: http://a\nmaxAlerts: 1.5\n"), WebhookConfig.class))
                .isInstanceOfSatisfying(ChannelSettingsBinder.SettingsException.class, e -> assertThat(e.path()).isEqualTo("maxAlerts"));
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("url: http://a\nsendResolved: 1\n"), WebhookConfig.class))
                .isInstanceOfSatisfying(ChannelSettingsBinder.SettingsException.class, e -> assertThat(e.path()).isEqualTo("sendResolved"));
        assertThatThrownBy(() -> ChannelSettingsBinder.bind(tree("url: http://a\ntimeout: ''\n"), WebhookConfig.class))
                .isInstanceOf(ChannelSettingsBinder.SettingsException.class);
    }

    @Test
    void theSettingsViewMasksSecretsAndWritesDurationsAsTheFileDoes() throws Exception {
        WebhookConfig config = ChannelSettingsBinder.bind(
                tree("url: http://a/hook?key=abc\nbearerToken: t0k3n\nheaders: {X-Key: k3y}\ntimeout: 90s\n"), WebhookConfig.class);

        Optional<JsonNode> shown = SettingsView.of(config);

        assertThat(shown).isPresent();
        assertThat(shown.get().path("url").asText()).isEqualTo(Secret.MASK);
        assertThat(shown.get().path("bearerToken").asText()).isEqualTo(Secret.MASK);
        assertThat(shown.get().path("headers").path("X-Key").asText()).isEqualTo(Secret.MASK);
        assertThat(shown.get().path("timeout").asText()).isEqualTo("1m30s");
        assertThat(shown.get().toString()).doesNotContain("t0k3n", "k3y", "key=abc");
    }

    private static ObjectNode tree(String yaml) throws Exception {
        return (ObjectNode) YAML.readTree(yaml);
    }
}
