package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parsing once and running many times, from many threads, with different alerts. */
class AlertTemplateTest {

    private static final String SUMMARY = "{{ $labels.instance | reReplaceAll \":[0-9]+$\" \"\" }} at "
            + "{{ $value | humanizePercentage }}{{ if gt $value 0.9 }} (critical){{ end }}";

    @Test
    void oneParsedTemplateServesManyAlerts() throws TemplateException {
        AlertTemplate template = AlertTemplate.parse("summary", SUMMARY);
        assertThat(template.name()).isEqualTo("summary");
        assertThat(template.execute(alert("a:9100", 0.5))).isEqualTo("a at 50%");
        assertThat(template.execute(alert("b:9100", 0.95))).isEqualTo("b at 95% (critical)");
    }

    @Test
    void runsConcurrentlyWithoutSharingState() throws Exception {
        AlertTemplate template = AlertTemplate.parse("summary", SUMMARY + "{{ $n := 0 }}{{ range $k, $v := $labels }}"
                + "{{ $n = $k }}{{ end }} {{ $n }}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> template.execute(alert("host-" + n + ":9100", n / 1000.0))));
            }
            for (int i = 0; i < results.size(); i++) {
                String percent = GoFmt.g4(i / 1000.0 * 100) + "%";
                assertThat(results.get(i).get()).isEqualTo("host-" + i + " at " + percent + " instance");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAlertWithoutLabelsRendersEmptyValues() throws TemplateException {
        TemplateData bare = new TemplateData(Map.of(), Map.of(), "", 0, 0, null);
        assertThat(AlertTemplate.parse("t", "[{{ $labels.instance }}][{{ $externalURL }}][{{ $labels }}][{{ $value }}]")
                .execute(bare)).isEqualTo("[][][map[]][0]");
    }

    @Test
    void textWithoutActionsIsCopied() throws TemplateException {
        String text = "The API server is burning too much error budget.\n  Runbook: https://runbooks.example.com/x";
        assertThat(AlertTemplate.parse("description", text).execute(Render.data(1))).isEqualTo(text);
    }

    private static TemplateData alert(String instance, double value) {
        return new TemplateData(Map.of("instance", instance), Map.of(), "", value, 0, null);
    }
}
