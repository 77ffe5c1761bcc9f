package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.channel.BuiltInChannels;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.config.ByteSize;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AlertingConfigTest {

    @Test
    void testDefaults() throws ConfigException {
        AlertingConfig defaults = AlertingConfig.defaults();
        assertThat(defaults.ruleFiles()).isEmpty();
        assertThat(defaults.evaluationInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.externalUrl()).isEqualTo("http://localhost:9400");
        assertThat(defaults.externalLabels()).isEmpty();
        assertThat(defaults.resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.route()).isEmpty();
        assertThat(defaults.receivers()).isEmpty();
        assertThat(defaults.effectiveReceivers()).extracting(ReceiverSettings::name).containsExactly(AlertingConfig.NO_RECEIVER);
        assertThat(defaults.pipelineConfig().receivers()).containsExactly(AlertingConfig.NO_RECEIVER);
        assertThat(defaults.outbox()).isEqualTo(new OutboxConfig(4, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofDays(14), ByteSize.ofMebibytes(128)));
        assertThat(bind("")).isEqualTo(defaults);
        assertThat(bind("alerting: {}\n")).isEqualTo(defaults);
    }

    @Test
    void theExampleInTheReadmeBindsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```yaml\n(alerting:\n.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a yaml block starting with 'alerting:' in README.md").isTrue();

        AlertingConfig config = ConfigDocument.parse("README.md", block.group(1), Map.of())
                .bind("alerting", AlertingConfig.class, ConfigMappers.strict());

        assertThat(config.ruleFiles()).containsExactly("rules/*.yml");
        assertThat(config.externalLabels()).containsEntry("cluster", "eu-1");
        assertThat(config.route().orElseThrow().routes()).hasSize(2);
        assertThat(config.route().orElseThrow().routes().get(0).escalation()).isEqualTo("night-shift");
        assertThat(config.inhibitRules()).hasSize(1);
        assertThat(config.timeIntervals()).extracting(t -> t.name()).containsExactly("weekends");
        assertThat(config.receivers()).extracting(ReceiverSettings::name).containsExactly("ops", "pager", "db");
        assertThat(config.receivers().get(0).channelNames()).containsExactly("webhook[0]", "email[0]");
        assertThat(config.outbox()).isEqualTo(OutboxConfig.defaults());
        assertThat(config.pipelineConfig().receivers()).containsExactlyInAnyOrder("ops", "pager", "db");
        // every channel of the example binds and passes its type's checks
        Map<String, NotificationChannelFactory<?>> factories = new HashMap<>();
        BuiltInChannels.factories().forEach(f -> factories.put(f.type(), f));
        for (ReceiverSettings receiver : config.receivers()) {
            for (ChannelSettings channel : receiver.channels()) {
                check(factories.get(channel.type()), channel);
            }
        }
    }

    @Test
    void testExplicitMappings() throws ConfigException {
        AlertingConfig config = bind("""
                alerting:
                  ruleFiles: [a.yml, "/etc/rules/*.yml"]
                  evaluationInterval: 15s
                  externalUrl: https://alerts.example.com
                  externalLabels: {region: eu}
                  resolveTimeout: 2m
                  route:
                    receiver: team
                    group_by: ['...']
                    routes:
                      - receiver: other
                        continue: true
                        matchers: ['env="prod"']
                  receivers:
                    - name: team
                      channels:
                        - type: webhook
                          url: http://a/hook
                        - type: webhook
                          url: http://b/hook
                    - name: other
                  outbox:
                    workers: 2
                    minBackoff: 500ms
                    maxBackoff: 1m
                    maxRetryAfter: 10m
                    receiverGrace: 2h
                    historyRetention: 3d
                    historySize: 16MiB
                """);

        assertThat(config.ruleFiles()).containsExactly("a.yml", "/etc/rules/*.yml");
        assertThat(config.evaluationInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.externalUrl()).isEqualTo("https://alerts.example.com");
        assertThat(config.externalLabels()).isEqualTo(Map.of("region", "eu"));
        assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.route().orElseThrow().continueMatching()).isFalse();
        assertThat(config.route().orElseThrow().routes().get(0).continueMatching()).isTrue();
        assertThat(config.receivers().get(0).channelNames()).containsExactly("webhook[0]", "webhook[1]");
        assertThat(config.receivers().get(0).channels().get(1).settings().path("url").asText()).isEqualTo("http://b/hook");
        assertThat(config.receivers().get(0).channels().get(1).settings().has("type")).isFalse();
        assertThat(config.receivers().get(1).channels()).isEmpty();
        assertThat(config.outbox()).isEqualTo(new OutboxConfig(2, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofHours(2), Duration.ofDays(3), ByteSize.ofMebibytes(16)));
        assertThat(config.effectiveReceivers()).isEqualTo(config.receivers());
    }

    @Test
    void aRouteToAnUnknownReceiverIsRefusedWithItsPath() {
        assertThatThrownBy(() -> bind("""
                alerting:
                  route:
                    receiver: team
                    routes:
                      - receiver: nobody
                  receivers:
                    - name: team
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting")
                .hasMessageContaining("route.routes[0]")
                .hasMessageContaining("nobody");
    }

    @Test
    void problemsOfTheRoutingAreNamedInThisSectionsSpelling() {
        assertThatThrownBy(() -> bind("""
                alerting:
                  route:
                    receiver: team
                  inhibitRules:
                    - source_matchers: ['severity=~"("']
                  timeIntervals:
                    - time_intervals: []
                  receivers:
                    - name: team
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("inhibitRules[0]")
                .hasMessageContaining("timeIntervals[0].name");
    }

    @Test
    void receiversNeedARouteANameAndAChannelType() {
        assertThatThrownBy(() -> bind("alerting:\n  receivers:\n    - name: team\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("route: required when receivers are configured");
        assertThatThrownBy(() -> bind("alerting:\n  route: {receiver: a}\n  receivers:\n    - channels: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.receivers[0]")
                .hasMessageContaining("name is required");
        assertThatThrownBy(() -> bind("alerting:\n  route: {receiver: a}\n  receivers:\n    - name: a\n      channels:\n        - url: http://x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.receivers[0].channels[0]")
                .hasMessageContaining("type is required");
        assertThatThrownBy(() -> bind("alerting:\n  route: {receiver: a}\n  receivers:\n    - name: a\n      channels:\n        - type: Web-Hook\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("type must be lower-case letters, digits and _, got 'Web-Hook'");
        assertThatThrownBy(() -> bind("alerting:\n  route: {receiver: a}\n  receivers:\n    - name: a\n    - name: a\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("receivers[1].name: receiver 'a' is defined twice");
    }

    @Test
    void badValuesAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> bind("alerting:\n  evaluationInterval: soon\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.evaluationInterval");
        assertThatThrownBy(() -> bind("alerting:\n  evaluationInterval: 0s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("evaluationInterval: must be positive, got 0s");
        assertThatThrownBy(() -> bind("alerting:\n  externalLabels: {\"bad-name\": x}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'bad-name' is not a valid label name");
        assertThatThrownBy(() -> bind("alerting:\n  outbox:\n    workers: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.outbox")
                .hasMessageContaining("workers must be from 1 to 64, got 0");
        assertThatThrownBy(() -> bind("alerting:\n  outbox:\n    minBackoff: 1m\n    maxBackoff: 1s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("maxBackoff (1s) is below minBackoff (1m)");
        assertThatThrownBy(() -> bind("alerting:\n  rulefiles: [a.yml]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.rulefiles")
                .hasMessageContaining("unknown key");
        assertThatThrownBy(() -> bind("alerting:\n  route: {receiver: a, group_wait: 30s, grouping: [x]}\n  receivers: [{name: a}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.route.grouping")
                .hasMessageContaining("unknown key");
    }

    private static <C> void check(NotificationChannelFactory<C> factory, ChannelSettings channel) throws Exception {
        C config = ChannelSettingsBinder.bind(channel.settings(), factory.configType());
        factory.validate(config);
    }

    private static AlertingConfig bind(String yaml) throws ConfigException {
        return ConfigDocument.parse("vigil.yaml", yaml, Map.of()).bind("alerting", AlertingConfig.class, ConfigMappers.strict());
    }
}
