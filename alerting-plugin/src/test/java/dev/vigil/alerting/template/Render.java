package dev.vigil.alerting.template;

import dev.vigil.api.metrics.MetricQuery;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs templates in tests against a fixed alert. */
final class Render {

    /** 2024-03-01T12:00:00Z. */
    static final long EVALUATION_TIME = 1_709_294_400_000L;

    static final Map<String, String> LABELS = Map.of("alertname", "InstanceDown", "instance", "node-1.example.com:9100",
            "job", "node", "severity", "page", "dotted.name", "dots");
    static final Map<String, String> EXTERNAL_LABELS = Map.of("cluster", "eu-1", "replica", "a");
    static final String EXTERNAL_URL = "http://prometheus.example.com:9090/prom";

    private Render() {}

    static TemplateData data(double value) {
        return data(value, null);
    }

    static TemplateData data(double value, @Nullable MetricQuery query) {
        return new TemplateData(LABELS, EXTERNAL_LABELS, EXTERNAL_URL, value, EVALUATION_TIME, query);
    }

    /** The output of {@code text} for an alert with value 42.5. */
    static String render(String text) throws TemplateException {
        return render(text, data(42.5));
    }

    static String render(String text, TemplateData data) throws TemplateException {
        return AlertTemplate.parse("test", text).execute(data);
    }

    /** The column Go reports for a position in the template text: Prometheus's definitions come first. */
    static int column(int indexInText) {
        return AlertTemplate.DEFINITIONS.length() + indexInText;
    }
}
