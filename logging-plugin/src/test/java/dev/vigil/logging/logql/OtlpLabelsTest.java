package dev.vigil.logging.logql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.Labels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loki's OTLP mapping: which resource attributes are stream labels, how names are cleaned, what is metadata. */
class OtlpLabelsTest {

    @Test
    void namesBecomeLabelNames() {
        assertThat(OtlpLabels.labelName("service.name")).isEqualTo("service_name");
        assertThat(OtlpLabels.labelName("http.request.header.x-forwarded-for")).isEqualTo("http_request_header_x_forwarded_for");
        assertThat(OtlpLabels.labelName("2xx")).isEqualTo("key_2xx");
        assertThat(OtlpLabels.labelName("_private")).isEqualTo("key_private");
        assertThat(OtlpLabels.labelName("__reserved")).isEqualTo("__reserved");
        assertThat(OtlpLabels.labelName("thread_name")).isEqualTo("thread_name");
        assertThat(OtlpLabels.labelName("café")).isEqualTo("caf_");
    }

    @Test
    void theDefaultIndexedAttributesAreStreamLabels() {
        Labels labels = OtlpLabels.streamLabels(Map.of("service.name", "checkout", "k8s.namespace.name", "shop",
                "deployment.environment.name", "prod", "host.name", "node-1", "service.version", "1.2"));
        assertThat((Object) labels).isEqualTo(Labels.of("deployment_environment_name", "prod", "k8s_namespace_name", "shop",
                "service_name", "checkout"));
        assertThat((Object) OtlpLabels.streamLabels(Map.of("host.name", "node-1"))).isEqualTo(Labels.of("service_name", "unknown_service"));
        assertThat(OtlpLabels.attributeOf("k8s_pod_name")).contains("k8s.pod.name");
        assertThat(OtlpLabels.attributeOf("host_name")).isEmpty();
    }

    @Test
    void everythingElseIsStructuredMetadata() {
        LogRecord record = Records.at(1).service("checkout").resource("host.name", "node-1").scope("com.example.Orders")
                .attribute("thread.name", "main").attribute("service.name", "shadow").severity(Severity.WARN)
                .severityText("WARNING").trace("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331").body("x").build();
        Labels stream = OtlpLabels.streamLabels(record.resource());

        assertThat(OtlpLabels.structuredMetadata(record, stream)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "host_name", "node-1", "scope_name", "com.example.Orders", "thread_name", "main",
                "service_name_extracted", "shadow", "severity_text", "WARNING", "detected_level", "warn",
                "trace_id", "0af7651916cd43dd8448eb211c80319c", "span_id", "b7ad6b7169203331"));
    }

    @Test
    void theLevelComesFromALevelAttributeTheSeverityTextOrTheSeverity() {
        assertThat(OtlpLabels.detectedLevel(Records.at(1).severity(Severity.FATAL).build())).isEqualTo("fatal");
        assertThat(OtlpLabels.detectedLevel(Records.at(1).severity(Severity.INFO).severityText("ERR").build())).isEqualTo("error");
        assertThat(OtlpLabels.detectedLevel(Records.at(1).severity(Severity.INFO).severityText("Notice").build())).isEqualTo("Notice");
        assertThat(OtlpLabels.detectedLevel(Records.at(1).severity(Severity.INFO).severityText("INFO").attribute("level", "dbg")
                .build())).isEqualTo("debug");
    }
}
