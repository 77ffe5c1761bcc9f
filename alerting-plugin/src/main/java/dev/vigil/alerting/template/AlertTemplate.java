package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.template.GoValue.AlertData;
import dev.vigil.alerting.template.GoValue.StringMap;
import org.jspecify.annotations.Nullable;

/**
 * A parsed alert template: Go's {@code text/template} language with Prometheus's template functions, as
 * Prometheus expands annotations and labels of alerting rules. As in Prometheus, the template sees
 * {@code $labels}, {@code $externalLabels}, {@code $externalURL} and {@code $value}, declared before its text, and
 * a missing label is the empty string. Immutable and thread-safe: parse once when rules load, execute per alert.
 */
public final class AlertTemplate {

    /** What Prometheus declares in front of every alert template. */
    static final String DEFINITIONS = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
            + "{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    private final String name;
    private final String text;
    private final @Nullable Program program;

    private AlertTemplate(String name, String text, @Nullable Program program) {
        this.name = name;
        this.text = text;
        this.program = program;
    }

    /**
     * Parses {@code text}.
     *
     * @param name what the template is, for messages: the annotation or label name
     * @throws TemplateException if it does not parse or calls a function that does not exist; the message is
     *     Go's, such as {@code template: summary:1: function "humanise" not defined}
     */
    public static AlertTemplate parse(String name, String text) throws TemplateException {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        if (!text.contains("{{")) {
            // Most label values and many annotations hold no action: they expand to themselves.
            return new AlertTemplate(name, text, null);
        }
        try {
            return new AlertTemplate(name, text, Program.parse(name, DEFINITIONS + text));
        } catch (Parser.ParseException e) {
            throw new TemplateException(e.getMessage());
        }
    }

    /** The name given to {@link #parse}. */
    public String name() {
        return name;
    }

    /**
     * Runs the template.
     *
     * @throws TemplateException if it fails, such as a query that fails or an index out of range; the message is
     *     Prometheus's, such as {@code error executing template summary: template: summary:1:115: executing
     *     "summary" at <humanize "x">: error calling humanize: strconv.ParseFloat: parsing "x": invalid syntax}
     */
    public String execute(TemplateData data) throws TemplateException {
        requireNonNull(data, "data is null");
        Program program = this.program;
        if (program == null) {
            return text;
        }
        AlertData dot = new AlertData(new StringMap(data.labels()), new StringMap(data.externalLabels()),
                data.externalUrl(), data.value());
        StringBuilder out = new StringBuilder(program.text().length());
        try {
            Executor.execute(program, data, dot, out);
        } catch (Evaluator.ExecException e) {
            throw new TemplateException("error executing template " + name + ": " + e.getMessage());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "AlertTemplate[" + name + "]";
    }
}
