package dev.vigil.alerting.notify.dispatch;

import dev.vigil.api.metrics.Labels;

/** Label sets as Alertmanager prints them in group keys: {@code {alertname="X", job="api"}}. */
final class GroupKeys {

    private GroupKeys() {}

    static String format(Labels labels) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(labels.name(i)).append("=\"");
            String value = labels.value(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '"' -> out.append("\\\"");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        return out.append('}').toString();
    }
}
