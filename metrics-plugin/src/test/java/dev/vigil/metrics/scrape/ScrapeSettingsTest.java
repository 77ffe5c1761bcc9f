package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrapeSettingsTest {

    @Test
    void defaults() throws IOException {
        ScrapeSettings settings = mapper().readValue("{}", ScrapeSettings.class);
        assertThat(settings).isEqualTo(ScrapeSettings.defaults());
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.jobs()).isEmpty();

        ScrapeJob job = mapper().readValue("{\"name\": \"node\", \"targets\": [\"localhost:9100\"]}", ScrapeJob.class);
        assertThat(job).isEqualTo(new ScrapeJob("node", null, null, "/metrics", "http", List.of("localhost:9100"), Map.of(), false, true, 0));
        assertThat(settings.intervalOf(job)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.timeoutOf(job)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void bindsEveryKey() throws IOException {
        ScrapeSettings settings = mapper().readValue("""
                {"interval": "15s", "timeout": "5s", "jobs": [{
                  "name": "api", "interval": "30s", "timeout": "20s", "metricsPath": "/prom", "scheme": "https",
                  "targets": ["api-1:8080", "[::1]:8081"], "labels": {"env": "prod"},
                  "honorLabels": true, "honorTimestamps": false, "sampleLimit": 1000}]}
                """, ScrapeSettings.class);
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.jobs()).containsExactly(new ScrapeJob("api", Duration.ofSeconds(30), Duration.ofSeconds(20), "/prom", "https",
                List.of("api-1:8080", "[::1]:8081"), Map.of("env", "prod"), true, false, 1000));
    }

    @Test
    void aJobFasterThanTheGlobalTimeoutGetsItsIntervalAsTimeout() throws IOException {
        ScrapeSettings settings = mapper().readValue("{\"jobs\": [{\"name\": \"fast\", \"interval\": \"5s\", \"targets\": [\"a:1\"]}]}",
                ScrapeSettings.class);
        assertThat(settings.timeoutOf(settings.jobs().get(0))).isEqualTo(Duration.ofSeconds(5));
        assertThat(mapper().readValue("{\"interval\": \"2s\"}", ScrapeSettings.class).timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertRefused("{\"jobs\": [{\"targets\": [\"a:1\"]}]}", "name is required");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"targets\": [\"a:1\"]}, {\"name\": \"x\", \"targets\": [\"b:1\"]}]}",
                "jobs[1].name 'x' is used by another job");
        assertRefused("{\"jobs\": [{\"name\": \"x\"}]}", "targets must list at least one host:port");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"targets\": [\"http://a:1\"]}]}", "targets[0] must be host:port, got 'http://a:1'");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"targets\": [\"a\"]}]}", "targets[0] must be host:port");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"targets\": [\"a:99999\"]}]}", "targets[0] must be host:port");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"scheme\": \"ftp\", \"targets\": [\"a:1\"]}]}", "scheme must be http or https, got 'ftp'");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"interval\": \"5s\", \"timeout\": \"10s\", \"targets\": [\"a:1\"]}]}",
                "timeout (PT10S) must not exceed interval (PT5S)");
        assertRefused("{\"interval\": \"5s\", \"timeout\": \"10s\"}", "timeout (PT10S) must not exceed interval (PT5S)");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"timeout\": \"2m\", \"targets\": [\"a:1\"]}]}", "jobs[0] ('x'): timeout (PT2M) must not exceed interval (PT1M)");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"sampleLimit\": -1, \"targets\": [\"a:1\"]}]}", "sampleLimit must be 0 (no limit) or positive");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"labels\": {\"job\": \"y\"}, \"targets\": [\"a:1\"]}]}", "labels may not set 'job'");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"labels\": {\"bad-name\": \"y\"}, \"targets\": [\"a:1\"]}]}", "invalid label name 'bad-name'");
        assertRefused("{\"jobs\": [{\"name\": \"x\", \"metricsPath\": \"metrics\", \"targets\": [\"a:1\"]}]}", "metricsPath must start with '/'");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> mapper().readValue(json, ScrapeSettings.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining(message);
    }

    /** A mapper that reads durations such as {@code 15s} as the kernel's does. */
    private static ObjectMapper mapper() {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new IOException("not a duration: " + text);
                };
            }
        });
        return new ObjectMapper().registerModule(durations);
    }
}
