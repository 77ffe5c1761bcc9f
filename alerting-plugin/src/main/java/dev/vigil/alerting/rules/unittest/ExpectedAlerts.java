package dev.vigil.alerting.rules.unittest;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Alerts as promtool compares and prints them: labels and annotations, sorted. */
final class ExpectedAlerts {

    private ExpectedAlerts() {}

    /** An alert's labels and annotations. */
    record LabelsAndAnnotations(Labels labels, Labels annotations) {}

    private static final Comparator<LabelsAndAnnotations> ORDER =
            Comparator.comparing(LabelsAndAnnotations::labels).thenComparing(LabelsAndAnnotations::annotations);

    static LabelsAndAnnotations of(Map<String, String> labels, Map<String, String> annotations) {
        return new LabelsAndAnnotations(Labels.of(labels), Labels.of(annotations));
    }

    static List<LabelsAndAnnotations> sorted(List<LabelsAndAnnotations> alerts) {
        List<LabelsAndAnnotations> out = new ArrayList<>(alerts);
        out.sort(ORDER);
        return out;
    }

    /** promtool's rendering: {@code []}, or one numbered entry per alert with its labels and annotations. */
    static String render(List<LabelsAndAnnotations> alerts) {
        if (alerts.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < alerts.size(); i++) {
            LabelsAndAnnotations a = alerts.get(i);
            out.append(i == 0 ? "\n" : ",\n").append(i).append(":\n  Labels:").append(GoFormat.labels(a.labels()))
                    .append("\n  Annotations:").append(GoFormat.labels(a.annotations()));
        }
        return out.append("\n]").toString();
    }

    /** Every line after the first prefixed with {@code indent}. */
    static String indent(String text, String indent) {
        return text.replace("\n", "\n" + indent);
    }
}
