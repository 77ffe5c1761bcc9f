package dev.vigil.kernel.config;

import static dev.vigil.kernel.config.TestingConfig.SOURCE;
import static dev.vigil.kernel.config.TestingConfig.bind;
import static dev.vigil.kernel.config.TestingConfig.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KernelConfigTest {

    @Test
    void testDefaults() {
        assertThat(KernelConfig.defaults()).isEqualTo(new KernelConfig(
                new HttpSettings("127.0.0.1", 9400, 10_485_760, 64),
                new OtlpSettings(true, "127.0.0.1", 4318, 20_971_520, 64),
                null,
                null,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                new WatchSettings(true, Duration.ofMillis(200), Duration.ofMillis(100))));
        assertThat(HttpSettings.defaults()).isEqualTo(KernelConfig.defaults().http());
        assertThat(OtlpSettings.defaults()).isEqualTo(KernelConfig.defaults().otlp());
        assertThat(WatchSettings.defaults()).isEqualTo(KernelConfig.defaults().watch());
    }

    @Test
    void bindsDefaultsWhenTheSectionIsAbsentOrEmpty() throws ConfigException {
        assertThat(bind("", "kernel", KernelConfig.class)).isEqualTo(KernelConfig.defaults());
        assertThat(bind("hello: {greeting: Hi}\n", "kernel", KernelConfig.class)).isEqualTo(KernelConfig.defaults());
        assertThat(bind("kernel:\n", "kernel", KernelConfig.class)).isEqualTo(KernelConfig.defaults());
        assertThat(bind("kernel: {http: {}, watch: ~}\n", "kernel", KernelConfig.class)).isEqualTo(KernelConfig.defaults());
    }

    @Test
    void testExplicitPropertyMappings() throws ConfigException {
        KernelConfig kernel = bind("""
                kernel:
                  http:
                    bind: 0.0.0.0
                    port: 8080
                    maxRequestBytes: 1048576
                    maxConcurrentRequests: 16
                  otlp:
                    enabled: false
                    bind: 0.0.0.0
                    port: 14318
                    maxRequestBytes: 2097152
                    maxConcurrentRequests: 8
                  adminToken: s3cret
                  pluginsDir: /opt/vigil/plugins
                  dataDir: /var/lib/vigil
                  startTimeout: 30s
                  stopTimeout: PT5S
                  watch:
                    enabled: false
                    quietPeriod: 1s
                    pollInterval: 250ms
                """, "kernel", KernelConfig.class);

        assertThat(kernel).isEqualTo(new KernelConfig(
                new HttpSettings("0.0.0.0", 8080, 1_048_576, 16),
                new OtlpSettings(false, "0.0.0.0", 14318, 2_097_152, 8),
                "s3cret",
                "/opt/vigil/plugins",
                "/var/lib/vigil",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                new WatchSettings(false, Duration.ofSeconds(1), Duration.ofMillis(250))));
    }

    @Test
    void keysLeftOutOfASectionKeepTheirDefaults() throws ConfigException {
        KernelConfig kernel = bind("""
                kernel:
                  http:
                    port: 0
                  watch:
                    quietPeriod: 0s
                """, "kernel", KernelConfig.class);

        assertThat(kernel.http()).isEqualTo(new HttpSettings("127.0.0.1", 0, 10_485_760, 64));
        assertThat(kernel.watch()).isEqualTo(new WatchSettings(true, Duration.ZERO, Duration.ofMillis(100)));
        assertThat(kernel.startTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void blankStringsCountAsNotGiven() throws ConfigException {
        KernelConfig kernel = bind("""
                kernel:
                  adminToken: ${VIGIL_TOKEN:-}
                  pluginsDir: "  "
                """, "kernel", KernelConfig.class);

        assertThat(kernel.adminToken()).isNull();
        assertThat(kernel.pluginsDir()).isNull();
    }

    @Test
    void toStringDoesNotShowTheAdminToken() {
        KernelConfig kernel = new KernelConfig(HttpSettings.defaults(), OtlpSettings.defaults(), "s3cret", null, "/data",
                Duration.ofSeconds(10), Duration.ofMillis(1500), WatchSettings.defaults());

        assertThat(kernel.toString())
                .doesNotContain("s3cret")
                .contains("adminToken=(set)", "dataDir=/data", "stopTimeout=1500ms");
    }

    @Test
    void checksItsRules() {
        assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 65536, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535 (0 picks any free port), got 65536");
        assertThatThrownBy(() -> new HttpSettings(" ", 80, 1, 1))
                .hasMessage("bind must not be blank (use 0.0.0.0 to listen on every interface)");
        assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 80, 0, 1))
                .hasMessage("maxRequestBytes must be positive, got 0");
        assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 80, 1, -1))
                .hasMessage("maxConcurrentRequests must be positive, got -1");
        assertThatThrownBy(() -> new OtlpSettings(true, "127.0.0.1", -1, 1, 1))
                .hasMessage("port must be between 0 and 65535 (0 picks any free port), got -1");
        assertThatThrownBy(() -> new WatchSettings(true, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessage("quietPeriod must not be negative, got -1s");
        assertThatThrownBy(() -> new WatchSettings(true, Duration.ZERO, Duration.ZERO))
                .hasMessage("pollInterval must be positive, got 0s");
        assertThatThrownBy(() -> new KernelConfig(HttpSettings.defaults(), OtlpSettings.defaults(), null, null, null,
                        Duration.ZERO, Duration.ofSeconds(1), WatchSettings.defaults()))
                .hasMessage("startTimeout must be positive, got 0s");
        assertThatThrownBy(() -> new KernelConfig(null, OtlpSettings.defaults(), null, null, null,
                        Duration.ofSeconds(1), Duration.ofSeconds(1), WatchSettings.defaults()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("http is null");
    }

    @Test
    void aBrokenRuleIsAProblemAtTheSectionThatBreaksIt() {
        assertThat(problemsOf(() -> bind("""
                kernel:
                  http:
                    port: 70000
                """, "kernel", KernelConfig.class))).containsExactly(
                SOURCE + ":2:3: kernel.http: port must be between 0 and 65535 (0 picks any free port), got 70000");
        assertThat(problemsOf(() -> bind("""
                kernel:
                  stopTimeout: 0ms
                """, "kernel", KernelConfig.class))).containsExactly(
                SOURCE + ":1:1: kernel: stopTimeout must be positive, got 0s");
    }
}
