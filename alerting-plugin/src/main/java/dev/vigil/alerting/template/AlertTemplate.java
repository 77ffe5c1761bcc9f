package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

/** A parsed alert template. Immutable and thread-safe: parse once when rules load, execute per alert. */
public final class AlertTemplate {

    private final String name;
    private final String text;

    private AlertTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @param name what the template is, for messages: the annotation or label name
     * @throws TemplateException if it does not parse or calls a function that does not exist
     */
    public static AlertTemplate parse(String name, String text) throws TemplateException {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        throw new UnsupportedOperationException("not written yet");
    }

    /**
     * Runs the template.
     *
     * @throws TemplateException if it fails, such as a query that fails or an index out of range
     */
    public String execute(TemplateData data) throws TemplateException {
        throw new UnsupportedOperationException("not written yet: " + name + text + data);
    }
}
