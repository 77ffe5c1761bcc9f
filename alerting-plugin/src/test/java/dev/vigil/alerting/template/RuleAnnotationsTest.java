package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Annotation templates as they appear in rule files people already run (Prometheus's documentation,
 * kube-prometheus, node-mixin, awesome-prometheus-alerts), with the text Prometheus expands them to.
 */
class RuleAnnotationsTest {

    private static final Map<String, String> NODE = Map.of("instance", "node-1.example.com:9100", "job", "node");
    private static final Map<String, String> POD = Map.of("namespace", "monitoring", "pod", "prometheus-k8s-0",
            "container", "prometheus", "job", "kube-state-metrics");
    private static final Map<String, String> FILESYSTEM = Map.of("instance", "10.0.0.7:9100", "device", "/dev/sda1",
            "mountpoint", "/var", "fstype", "ext4");

    static Stream<Arguments> annotations() {
        return Stream.of(
                Arguments.of(NODE, 0, "{{ $labels.instance }} of job {{ $labels.job }} has been down for more than 5 minutes.",
                        "node-1.example.com:9100 of job node has been down for more than 5 minutes."),
                Arguments.of(NODE, 0, "Instance {{ $labels.instance }} down", "Instance node-1.example.com:9100 down"),
                Arguments.of(Map.of("job", "node", "namespace", "default"), 33.333333,
                        "{{ printf \"%.4g\" $value }}% of the {{ $labels.job }}/{{ $labels.service }} targets in "
                                + "{{ $labels.namespace }} namespace are down.",
                        "33.33% of the node/ targets in default namespace are down."),
                Arguments.of(FILESYSTEM, 4.567, "Filesystem on {{ $labels.device }}, mounted on {{ $labels.mountpoint }}, at "
                        + "{{ $labels.instance }} has only {{ printf \"%.2f\" $value }}% available space left.",
                        "Filesystem on /dev/sda1, mounted on /var, at 10.0.0.7:9100 has only 4.57% available space left."),
                Arguments.of(POD, 0.4321, "{{ $value | humanizePercentage }} throttling of CPU in namespace "
                        + "{{ $labels.namespace }} for container {{ $labels.container }} in pod {{ $labels.pod }}.",
                        "43.21% throttling of CPU in namespace monitoring for container prometheus in pod prometheus-k8s-0."),
                Arguments.of(POD, 3, "Pod {{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is in waiting "
                        + "state (reason: \"{{ $labels.reason }}\").",
                        "Pod monitoring/prometheus-k8s-0 (prometheus) is in waiting state (reason: \"\")."),
                Arguments.of(POD, 1.5, "Pod {{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is restarting "
                        + "{{ printf \"%.2f\" $value }} times / 10 minutes.",
                        "Pod monitoring/prometheus-k8s-0 (prometheus) is restarting 1.50 times / 10 minutes."),
                Arguments.of(Map.of("job", "kubelet"), 0, "{{ $labels.job }} has disappeared from Prometheus target discovery.",
                        "kubelet has disappeared from Prometheus target discovery."),
                Arguments.of(Map.of("instance", "etcd-0", "job", "etcd"), 1209600,
                        "Certificate for {{ $labels.instance }} expires in {{ $value | humanizeDuration }}.",
                        "Certificate for etcd-0 expires in 14d 0h 0m 0s."),
                Arguments.of(NODE, 123456789,
                        "Memory is filling up at {{ $labels.instance }}, only {{ $value | humanize1024 }}B left.",
                        "Memory is filling up at node-1.example.com:9100, only 117.7MiB left."),
                Arguments.of(NODE, 0.08, "Node memory is filling up (< 10% left)\n  VALUE = {{ $value }}\n  LABELS = {{ $labels }}",
                        "Node memory is filling up (< 10% left)\n  VALUE = 0.08\n  LABELS = map[instance:node-1.example.com:9100 "
                                + "job:node]"),
                Arguments.of(NODE, 2.5e9, "Network traffic on {{ $labels.instance }} is {{ $value | humanize }}bit/s.",
                        "Network traffic on node-1.example.com:9100 is 2.5Gbit/s."),
                Arguments.of(NODE, 0.0042, "Request latency is {{ humanizeDuration $value }} on {{ $labels.instance | stripPort }}.",
                        "Request latency is 4.2ms on node-1.example.com."),
                Arguments.of(NODE, 1, "{{- range $k, $v := $labels }}\n  - {{ $k }}: {{ $v }}\n{{- end }}",
                        "\n  - instance: node-1.example.com:9100\n  - job: node"),
                Arguments.of(Map.of("severity", "critical", "instance", "db-1"), 97,
                        "{{ if eq $labels.severity \"critical\" }}[CRIT]{{ else }}[WARN]{{ end }} {{ $labels.instance }} at "
                                + "{{ printf \"%.0f\" $value }}%",
                        "[CRIT] db-1 at 97%"),
                Arguments.of(Map.of("instance", "db-1"), 97,
                        "{{ if gt $value 95.0 }}critical{{ else if gt $value 80.0 }}warning{{ else }}ok{{ end }}", "critical"),
                Arguments.of(NODE, 1, "Dashboard: {{ $externalURL }}{{ graphLink \"up == 0\" }}",
                        "Dashboard: " + Render.EXTERNAL_URL + "/graph?g0.expr=up+%3D%3D+0&g0.tab=0"),
                Arguments.of(NODE, 1, "Cluster {{ $externalLabels.cluster }}: {{ $labels.instance | reReplaceAll \":.*\" \"\" "
                        + "| toUpper }}", "Cluster eu-1: NODE-1.EXAMPLE.COM"),
                Arguments.of(Map.of("quantile", "0.99", "job", "api"), 0.2512,
                        "{{ $labels.job }} p{{ humanize (index $labels \"quantile\") }} latency is {{ $value | printf \"%.3f\" }}s",
                        "api p990m latency is 0.251s"),
                Arguments.of(NODE, 1, "{{/* Prometheus style comment */}}Host {{ $labels.instance | stripDomain }} "
                        + "{{- \" \" -}} is down",
                        "Host node-1:9100 is down"));
    }

    @ParameterizedTest
    @MethodSource("annotations")
    void expandsAsPrometheusDoes(Map<String, String> labels, double value, String template, String expected)
            throws TemplateException {
        TemplateData data = new TemplateData(labels, Render.EXTERNAL_LABELS, Render.EXTERNAL_URL, value,
                Render.EVALUATION_TIME, null);
        assertThat(AlertTemplate.parse("description", template).execute(data)).isEqualTo(expected);
    }
}
