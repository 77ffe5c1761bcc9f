package dev.vigil.metrics.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusNamesTest {

    @Test
    void invalidCharactersBecomeOneUnderscore() {
        assertThat(PrometheusNames.metricName("http.server.request-count", "", false, false)).isEqualTo("http_server_request_count");
        assertThat(PrometheusNames.metricName("a..b__c", "", false, false)).isEqualTo("a_b_c");
        assertThat(PrometheusNames.metricName("ns:metric", "", false, false)).isEqualTo("ns:metric");
        assertThat(PrometheusNames.metricName("2xx.responses", "", false, false)).isEqualTo("_2xx_responses");
        assertThat(PrometheusNames.metricName("...", "", false, false)).isEmpty();
    }

    @Test
    void unitsBecomeSuffixes() {
        assertThat(PrometheusNames.metricName("http.server.duration", "s", false, false)).isEqualTo("http_server_duration_seconds");
        assertThat(PrometheusNames.metricName("latency", "ms", false, false)).isEqualTo("latency_milliseconds");
        assertThat(PrometheusNames.metricName("memory.used", "By", true, false)).isEqualTo("memory_used_bytes");
        assertThat(PrometheusNames.metricName("throughput", "By/s", true, false)).isEqualTo("throughput_bytes_per_second");
        assertThat(PrometheusNames.metricName("speed", "m/s", true, false)).isEqualTo("speed_meters_per_second");
        assertThat(PrometheusNames.metricName("packets.dropped", "{packet}", false, true)).isEqualTo("packets_dropped_total");
        assertThat(PrometheusNames.metricName("requests", "{request}/s", true, false)).isEqualTo("requests_per_second");
        assertThat(PrometheusNames.metricName("queue", "items", true, false)).isEqualTo("queue_items");
    }

    @Test
    void unitOneIsRatioOnGaugesOnly() {
        assertThat(PrometheusNames.metricName("cpu.utilization", "1", true, false)).isEqualTo("cpu_utilization_ratio");
        assertThat(PrometheusNames.metricName("events", "1", false, true)).isEqualTo("events_total");
        assertThat(PrometheusNames.metricName("active", "1", false, false)).isEqualTo("active");
    }

    @Test
    void unitAlreadyInTheNameIsNotRepeated() {
        assertThat(PrometheusNames.metricName("request_duration_seconds", "s", false, false)).isEqualTo("request_duration_seconds");
        assertThat(PrometheusNames.metricName("bytes.read", "By", false, true)).isEqualTo("bytes_read_total");
    }

    @Test
    void monotonicSumsEndInTotalOnce() {
        assertThat(PrometheusNames.metricName("requests", "", false, true)).isEqualTo("requests_total");
        assertThat(PrometheusNames.metricName("requests_total", "", false, true)).isEqualTo("requests_total");
        assertThat(PrometheusNames.metricName("requests.total", "s", false, true)).isEqualTo("requests_seconds_total");
    }

    @Test
    void labelNames() {
        assertThat(PrometheusNames.labelName("http.method")).isEqualTo("http_method");
        assertThat(PrometheusNames.labelName("2fa")).isEqualTo("key_2fa");
        assertThat(PrometheusNames.labelName("__name__")).isEqualTo("_name_");
        assertThat(PrometheusNames.labelName("")).isEmpty();
    }

    @Test
    void collidingKeysAreJoinedInKeyOrder() {
        List<KeyValue> attributes = List.of(attribute("foo.bar", "dot"), attribute("foo-bar", "dash"), attribute("foo_bar", "under"));
        assertThat(AttributeValues.toLabels(attributes)).containsExactly(java.util.Map.entry("foo_bar", "dash;dot;under"));
    }

    @Test
    void boundsAreShortestPlainDecimals() {
        assertThat(PrometheusNames.formatDouble(1)).isEqualTo("1");
        assertThat(PrometheusNames.formatDouble(0.005)).isEqualTo("0.005");
        assertThat(PrometheusNames.formatDouble(2500)).isEqualTo("2500");
        assertThat(PrometheusNames.formatDouble(1e-9)).isEqualTo("0.000000001");
        assertThat(PrometheusNames.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }
}
