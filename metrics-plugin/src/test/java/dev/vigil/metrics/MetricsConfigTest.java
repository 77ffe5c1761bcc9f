package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.config.ByteSize;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.metrics.query.QuerySettings;
import dev.vigil.metrics.remotewrite.RemoteWriteSettings;
import dev.vigil.metrics.scrape.ScrapeJob;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {

    @Test
    void testDefaults() throws ConfigException {
        MetricsConfig defaults = MetricsConfig.defaults();
        assertThat(defaults.selfScrapeInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.storage().retention()).isEqualTo(Duration.ofDays(15));
        assertThat(defaults.scrape().jobs()).isEmpty();
        assertThat(defaults.remoteWrite()).isEmpty();
        assertThat(defaults.query()).isEqualTo(new QuerySettings(Duration.ofMinutes(2), 50_000_000L, Duration.ofMinutes(5), 20));
        assertThat(bind("")).isEqualTo(defaults);
        assertThat(bind("metrics: {}\n")).isEqualTo(defaults);
    }

    @Test
    void theExampleInTheReadmeBindsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```yaml\n(metrics:\n.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a yaml block starting with 'metrics:' in README.md").isTrue();

        MetricsConfig config = ConfigDocument.parse("README.md", block.group(1), Map.of())
                .bind("metrics", MetricsConfig.class, ConfigMappers.strict());

        assertThat(config.storage().retentionSize()).isEqualTo(ByteSize.ofBytes(0));
        assertThat(config.receivers().otlp().maxDecompressedBytes()).isEqualTo(ByteSize.ofMebibytes(64));
        ScrapeJob node = config.scrape().jobs().get(0);
        assertThat(node.name()).isEqualTo("node");
        assertThat(node.labels()).containsEntry("env", "prod");
        RemoteWriteSettings central = config.remoteWrite().get(0);
        assertThat(central.url()).isEqualTo(URI.create("http://prometheus:9090/api/v1/write"));
        assertThat(central.name()).isEqualTo("central");
        assertThat(central.bearerToken()).isNull();
        assertThat(central.headers()).containsEntry("X-Scope-OrgID", "team-a");
        assertThat(config.query()).isEqualTo(QuerySettings.defaults());
    }

    @Test
    void testExplicitQuerySettings() throws ConfigException {
        MetricsConfig config = bind("""
                metrics:
                  query:
                    timeout: 30s
                    maxSamples: 1000
                    lookbackDelta: 1m
                    maxConcurrent: 4
                """);

        assertThat(config.query()).isEqualTo(new QuerySettings(Duration.ofSeconds(30), 1000, Duration.ofMinutes(1), 4));
        assertThat(config.query().engineSettings().maxSamples()).isEqualTo(1000);
        assertThat(bind("metrics:\n  query:\n    timeout: 10s\n").query())
                .isEqualTo(new QuerySettings(Duration.ofSeconds(10), 50_000_000L, Duration.ofMinutes(5), 20));
    }

    @Test
    void badQuerySettingsAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> bind("metrics:\n  query:\n    maxConcurrent: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("maxConcurrent must be positive, got 0");
        assertThatThrownBy(() -> bind("metrics:\n  query:\n    timeout: 0s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("timeout must be at least 1ms");
        assertThatThrownBy(() -> bind("metrics:\n  query:\n    maxSample: 10\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.query.maxSample")
                .hasMessageContaining("unknown key");
    }

    @Test
    void twoRemoteWriteEndpointsMayNotShareAName() {
        assertThatThrownBy(() -> bind("""
                metrics:
                  remoteWrite:
                    - url: http://a:9090/api/v1/write
                      name: same
                    - url: http://b:9090/api/v1/write
                      name: same
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("two endpoints are named 'same'");
    }

    @Test
    void aNegativeSelfScrapeIntervalIsRefused() {
        assertThatThrownBy(() -> new MetricsConfig(Duration.ofSeconds(-1), MetricsConfig.defaults().storage(),
                        MetricsConfig.defaults().scrape(), MetricsConfig.defaults().receivers(), java.util.List.of(),
                        QuerySettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selfScrapeInterval must not be negative, got PT-1S");
    }

    private static MetricsConfig bind(String yaml) throws ConfigException {
        return ConfigDocument.parse("vigil.yaml", yaml, Map.of()).bind("metrics", MetricsConfig.class, ConfigMappers.strict());
    }
}
