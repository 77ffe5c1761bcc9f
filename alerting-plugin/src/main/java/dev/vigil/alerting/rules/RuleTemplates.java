package dev.vigil.alerting.rules;

import dev.vigil.alerting.template.AlertTemplate;
import dev.vigil.alerting.template.TemplateData;
import dev.vigil.alerting.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The label or annotation templates of one alerting rule, parsed once. A text without an action ({@code {{})
 * is its own expansion, as in Go's templates, and is not parsed at all. A template that fails expands to
 * {@code <error expanding template: …>}, as in Prometheus; the first failure of each template is logged as a
 * warning and the rest at debug level, so a broken template does not flood the log. Thread-safe.
 */
final class RuleTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(RuleTemplates.class);

    private final String alertName;
    private final Map<String, Object> parsed = new LinkedHashMap<>();
    private final Map<String, AtomicBoolean> warned = new ConcurrentHashMap<>();

    /** Parses {@code texts}; one that does not parse expands to its parse error. */
    RuleTemplates(String alertName, Map<String, String> texts) {
        this.alertName = alertName;
        texts.forEach((name, text) -> {
            if (!text.contains("{{")) {
                parsed.put(name, new Literal(text));
                return;
            }
            try {
                parsed.put(name, AlertTemplate.parse("__alert_" + alertName, text));
            } catch (TemplateException e) {
                parsed.put(name, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Parsing template {} of alert {} failed unexpectedly", name, alertName, e);
                parsed.put(name, "the template could not be parsed: " + e);
            }
        });
    }

    /** Every template expanded with {@code data}, by name. */
    Map<String, String> expand(TemplateData data) {
        Map<String, String> out = new LinkedHashMap<>();
        parsed.forEach((name, template) -> {
            String error;
            if (template instanceof Literal literal) {
                out.put(name, literal.text());
                return;
            }
            if (template instanceof AlertTemplate t) {
                try {
                    out.put(name, t.execute(data));
                    return;
                } catch (TemplateException e) {
                    error = e.getMessage();
                }
            } else {
                error = (String) template;
            }
            out.put(name, "<error expanding template: " + error + ">");
            if (!warned.computeIfAbsent(name, n -> new AtomicBoolean()).getAndSet(true)) {
                LOG.warn("Expanding template {} of alert {} failed (further failures are logged at debug level): {}",
                        name, alertName, error);
            } else {
                LOG.debug("Expanding template {} of alert {} failed: {}", name, alertName, error);
            }
        });
        return out;
    }

    /** A text with no action in it. */
    private record Literal(String text) {}
}
