package dev.vigil.metrics.scrape;

import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gathers the TYPE, HELP and UNIT lines of each metric family while a body is parsed. */
final class MetadataCollector {

    private final Map<String, MetricMetadata> families = new LinkedHashMap<>();

    /** Whether the family already has a type line. */
    boolean hasType(String family) {
        MetricMetadata m = families.get(family);
        return m != null && m.type() != MetricType.UNKNOWN;
    }

    void type(String family, MetricType type) {
        MetricMetadata m = current(family);
        families.put(family, new MetricMetadata(type, m.help(), m.unit()));
    }

    void help(String family, String help) {
        MetricMetadata m = current(family);
        families.put(family, new MetricMetadata(m.type(), help, m.unit()));
    }

    void unit(String family, String unit) {
        MetricMetadata m = current(family);
        families.put(family, new MetricMetadata(m.type(), m.help(), unit));
    }

    Map<String, MetricMetadata> result() {
        return families;
    }

    private MetricMetadata current(String family) {
        return families.getOrDefault(family, new MetricMetadata(MetricType.UNKNOWN, "", ""));
    }

    /** HELP text with its escapes resolved: {@code \\} and {@code \n}, and {@code \"} when {@code quoteEscape}. */
    static String unescapeHelp(String text, boolean quoteEscape) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(i + 1);
                if (e == '\\' || e == 'n' || quoteEscape && e == '"') {
                    out.append(e == 'n' ? '\n' : e);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
