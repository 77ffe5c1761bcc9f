package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.config.ByteSize;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.kernel.config.ConfigProblem;
import dev.vigil.logging.syslog.Facility;
import dev.vigil.logging.syslog.SyslogProtocol;
import dev.vigil.logging.syslog.SyslogSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputSettingsTest {

    @Test
    void defaults() throws Exception {
        OutputSettings d = OutputSettings.defaults();
        assertThat(d.level()).isEqualTo("info");
        assertThat(d.levels()).isEmpty();
        assertThat(d.console()).isEqualTo(new ConsoleSettings(true, LogFormat.TEXT, ColorMode.AUTO, ConsoleTarget.AUTO));
        assertThat(d.file()).isEqualTo(new FileSettings(false, Path.of("logs/vigil.log"), LogFormat.JSON,
                ByteSize.parse("100MB"), 7, ByteSize.parse("1GB"), true));
        assertThat(d.syslog()).isEqualTo(new SyslogSettings(false, "localhost", 514, SyslogProtocol.UDP, Facility.USER,
                "vigil", ByteSize.parse("8KB")));
        assertThat(d.store()).isEqualTo(new StoreOutputSettings(true, 8192, "vigil", Duration.ofSeconds(5)));
        assertThat(bind("")).isEqualTo(d);
        assertThat(bind("logging: {console: {}, file: {}, syslog: {}, store: {}}")).isEqualTo(d);
    }

    @Test
    void bindsEveryKeyAndKeepsDefaultsForTheRest() throws Exception {
        OutputSettings s = bind("""
                logging:
                  level: WARN
                  levels:
                    org.eclipse.jetty: error
                    dev.vigil.metrics.scrape: Debug
                  console: {format: json, color: never, target: stderr}
                  file:
                    enabled: true
                    path: /var/log/vigil/vigil.log
                    format: text
                    maxFileSize: 10MB
                    maxHistory: 14
                    totalSizeCap: 2GB
                    compress: false
                  syslog: {enabled: true, host: logs.example.com, port: 6514, protocol: TCP, facility: local4, appName: orders,
                    maxMessageSize: 16KiB}
                  store: {enabled: false, queueSize: 100, serviceName: orders, maxWait: 250ms}
                """);
        assertThat(s.level()).isEqualTo("warn");
        assertThat(s.levels()).containsExactly(Map.entry("dev.vigil.metrics.scrape", "debug"), Map.entry("org.eclipse.jetty", "error"));
        assertThat(s.console()).isEqualTo(new ConsoleSettings(true, LogFormat.JSON, ColorMode.NEVER, ConsoleTarget.STDERR));
        assertThat(s.file()).isEqualTo(new FileSettings(true, Path.of("/var/log/vigil/vigil.log"), LogFormat.TEXT,
                ByteSize.parse("10MB"), 14, ByteSize.parse("2GB"), false));
        assertThat(s.syslog()).isEqualTo(new SyslogSettings(true, "logs.example.com", 6514, SyslogProtocol.TCP,
                Facility.LOCAL4, "orders", ByteSize.parse("16KiB")));
        assertThat(s.store()).isEqualTo(new StoreOutputSettings(false, 100, "orders", Duration.ofMillis(250)));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertProblem("logging: {level: loud}", "level: 'loud' is not a level");
        assertProblem("logging: {levels: {a.b: verbose}}", "levels.a.b: 'verbose' is not a level");
        assertProblem("logging: {console: {format: xml}}", "'xml' is not a log format: expected text or json");
        assertProblem("logging: {console: {color: sometimes}}", "'sometimes' is not a colour mode");
        assertProblem("logging: {file: {maxHistory: -1}}", "file.maxHistory must not be negative, got -1");
        assertProblem("logging: {file: {maxFileSize: 10MB, totalSizeCap: 1MB}}",
                "file.totalSizeCap must be at least file.maxFileSize (10MiB), or 0B for no cap, got 1MiB");
        assertProblem("logging: {file: {path: 'logs/%d.log'}}", "file.path must not contain '%'");
        assertProblem("logging: {syslog: {port: 70000}}", "syslog.port must be from 1 to 65535, got 70000");
        assertProblem("logging: {syslog: {facility: local9}}", "'local9' is not a syslog facility: expected one of kern, user");
        assertProblem("logging: {syslog: {protocol: http}}", "'http' is not a syslog protocol");
        assertProblem("logging: {syslog: {appName: 'my app'}}", "syslog.appName must be 1 to 48 printable US-ASCII");
        assertProblem("logging: {syslog: {maxMessageSize: 100B}}", "syslog.maxMessageSize must be from 480B to 65507B");
        assertProblem("logging: {store: {queueSize: 0}}", "store.queueSize must be from 1 to 1000000, got 0");
        assertProblem("logging: {store: {maxWait: 2m}}", "store.maxWait must be from 0s to 1m, got PT2M");
        assertProblem("logging: {store: {serviceName: ' '}}", "store.serviceName must not be empty");
        assertProblem("logging: {consol: {}}", "consol");
    }

    @Test
    void settingsCompareByValueSoThatUnchangedOutputsAreKept() throws Exception {
        String yaml = "logging: {file: {enabled: true, maxFileSize: 1MB}, syslog: {enabled: true}}";
        assertThat(bind(yaml)).isEqualTo(bind(yaml));
        assertThat(bind(yaml).file()).isEqualTo(bind(yaml.replace("1MB", "1024KB")).file());
    }

    private static OutputSettings bind(String yaml) throws ConfigException {
        return ConfigDocument.parse("vigil.yaml", yaml, Map.of()).bind("logging", OutputSettings.class, ConfigMappers.strict());
    }

    private static void assertProblem(String yaml, String reason) {
        assertThatThrownBy(() -> bind(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::reason)
                        .anySatisfy(r -> assertThat(r).contains(reason)));
    }
}
