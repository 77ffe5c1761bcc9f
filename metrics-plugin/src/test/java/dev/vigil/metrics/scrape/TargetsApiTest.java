package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsApiTest {

    @Test
    void rendersTargetsAsPrometheusDoes() throws Exception {
        Map<String, String> labels = Map.of("job", "node", "env", "prod", "instance", "db:9100");
        TargetStatus down = new TargetStatus("node", "db:9100", "http://db:9100/metrics", labels, TargetStatus.Health.DOWN,
                "server returned HTTP status 500", Instant.parse("2024-05-01T10:00:00.5Z"), Duration.ofMillis(1500),
                Duration.ofSeconds(90), Duration.ofSeconds(10));
        TargetStatus fresh = new TargetStatus("node", "web:9100", "https://web:9100/m", Map.of("job", "node", "instance", "web:9100"),
                TargetStatus.Health.UNKNOWN, null, null, Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(100));

        String json = new ObjectMapper().writeValueAsString(TargetsApi.data(List.of(down, fresh)));

        assertThat(json).isEqualTo("{\"activeTargets\":["
                + "{\"discoveredLabels\":{\"__address__\":\"db:9100\",\"__metrics_path__\":\"/metrics\",\"__scheme__\":\"http\","
                + "\"__scrape_interval__\":\"1m30s\",\"__scrape_timeout__\":\"10s\",\"env\":\"prod\",\"job\":\"node\"},"
                + "\"labels\":{\"env\":\"prod\",\"instance\":\"db:9100\",\"job\":\"node\"},\"scrapePool\":\"node\","
                + "\"scrapeUrl\":\"http://db:9100/metrics\",\"globalUrl\":\"http://db:9100/metrics\","
                + "\"lastError\":\"server returned HTTP status 500\",\"lastScrape\":\"2024-05-01T10:00:00.500Z\","
                + "\"lastScrapeDuration\":1.5,\"health\":\"down\",\"scrapeInterval\":\"1m30s\",\"scrapeTimeout\":\"10s\"},"
                + "{\"discoveredLabels\":{\"__address__\":\"web:9100\",\"__metrics_path__\":\"/m\",\"__scheme__\":\"https\","
                + "\"__scrape_interval__\":\"100ms\",\"__scrape_timeout__\":\"100ms\",\"job\":\"node\"},"
                + "\"labels\":{\"instance\":\"web:9100\",\"job\":\"node\"},\"scrapePool\":\"node\","
                + "\"scrapeUrl\":\"https://web:9100/m\",\"globalUrl\":\"https://web:9100/m\",\"lastError\":\"\","
                + "\"lastScrape\":\"0001-01-01T00:00:00Z\",\"lastScrapeDuration\":0.0,\"health\":\"unknown\","
                + "\"scrapeInterval\":\"100ms\",\"scrapeTimeout\":\"100ms\"}],\"droppedTargets\":[]}");
    }

    @Test
    void formatsDurationsAsPrometheus() {
        assertThat(PrometheusDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(PrometheusDuration.format(Duration.ofSeconds(15))).isEqualTo("15s");
        assertThat(PrometheusDuration.format(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(PrometheusDuration.format(Duration.ofMillis(61_500))).isEqualTo("1m1s500ms");
        assertThat(PrometheusDuration.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(PrometheusDuration.format(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(PrometheusDuration.format(Duration.ofDays(365))).isEqualTo("1y");
    }
}
