package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.metrics.LabelMatcher;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One stage of a log pipeline. Immutable; {@link #toString()} writes it as LogQL. */
public sealed interface Stage {

    /**
     * A line filter such as {@code |= "error"}, or several values joined by {@code or} such as
     * {@code |= "error" or "fatal"}: a positive filter keeps a line that passes any value, a negative one a line that
     * passes every value (contains none of them).
     *
     * @param type how the line is tested
     * @param values the text or regular expressions, at least one
     */
    record LineFilterStage(LineFilter.Type type, List<String> values) implements Stage {

        /** Checks and copies. */
        public LineFilterStage {
            requireNonNull(type, "type is null");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a line filter needs a value");
            }
        }

        @Override
        public String toString() {
            return type.operator() + " " + values.stream().map(GoStrings::quote).collect(Collectors.joining(" or "));
        }
    }

    /**
     * {@code | json}: every field of a JSON line becomes a label, nested keys joined with {@code _}; or, with
     * extractions such as {@code | json status="response.code"}, only those.
     *
     * @param extractions the labels to extract and their paths; empty for every field
     */
    record JsonStage(List<Extraction> extractions) implements Stage {

        /** Copies. */
        public JsonStage {
            extractions = List.copyOf(extractions);
        }

        @Override
        public String toString() {
            return "| json" + Extraction.format(extractions);
        }
    }

    /**
     * {@code | logfmt}: every {@code key=value} pair of the line becomes a label; or only the given ones.
     *
     * @param extractions the labels to extract and their keys; empty for every pair
     * @param strict whether a malformed line is an error ({@code --strict}) rather than parsed as far as it goes
     * @param keepEmpty whether pairs without a value become labels ({@code --keep-empty})
     */
    record LogfmtStage(List<Extraction> extractions, boolean strict, boolean keepEmpty) implements Stage {

        /** Copies. */
        public LogfmtStage {
            extractions = List.copyOf(extractions);
        }

        @Override
        public String toString() {
            return "| logfmt" + (strict ? " --strict" : "") + (keepEmpty ? " --keep-empty" : "") + Extraction.format(extractions);
        }
    }

    /**
     * A label filter such as {@code | level="error"} or {@code | status >= 500 and duration > 1s}.
     *
     * @param predicate what the labels must satisfy
     */
    record LabelFilterStage(LabelPredicate predicate) implements Stage {

        /** Checks. */
        public LabelFilterStage {
            requireNonNull(predicate, "predicate is null");
        }

        @Override
        public String toString() {
            return "| " + predicate;
        }
    }

    /**
     * {@code | line_format "{{.status}} {{.msg}}"}: replaces the line with the template filled in with labels.
     *
     * @param template the template
     */
    record LineFormatStage(String template) implements Stage {

        /** Checks. */
        public LineFormatStage {
            requireNonNull(template, "template is null");
        }

        @Override
        public String toString() {
            return "| line_format " + GoStrings.quote(template);
        }
    }

    /**
     * {@code | drop a, b="x"} or {@code | keep a, b}: removes (or keeps only) labels, by name or by name and value.
     *
     * @param keep whether the named labels are kept and the others dropped
     * @param labels the labels named
     */
    record DropStage(boolean keep, List<NamedMatcher> labels) implements Stage {

        /** Copies. */
        public DropStage {
            labels = List.copyOf(labels);
        }

        @Override
        public String toString() {
            return (keep ? "| keep " : "| drop ") + labels.stream().map(NamedMatcher::toString).collect(Collectors.joining(", "));
        }
    }

    /** {@code | decolorize}: removes ANSI colour codes from the line. */
    record DecolorizeStage() implements Stage {

        @Override
        public String toString() {
            return "| decolorize";
        }
    }

    /**
     * A label a parser extracts: {@code status="response.code"}, or {@code status} alone for the field of that name.
     *
     * @param label the label's name
     * @param expression the path in the line (for JSON, such as {@code a.b[0]}) or the logfmt key
     */
    record Extraction(String label, String expression) {

        /** Checks. */
        public Extraction {
            requireNonNull(label, "label is null");
            requireNonNull(expression, "expression is null");
        }

        static String format(List<Extraction> extractions) {
            if (extractions.isEmpty()) {
                return "";
            }
            return " " + extractions.stream().map(Extraction::toString).collect(Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return label + "=" + GoStrings.quote(expression);
        }
    }

    /**
     * A label named in {@code drop} or {@code keep}: by name alone, or with a matcher on its value.
     *
     * @param name the label
     * @param matcher the condition on its value, or null for any value
     */
    record NamedMatcher(String name, @Nullable LabelMatcher matcher) {

        /** Checks. */
        public NamedMatcher {
            requireNonNull(name, "name is null");
        }

        /** Whether a label {@code name} with {@code value} is named by this. */
        boolean matches(String label, String value) {
            return name.equals(label) && (matcher == null || matcher.matches(value));
        }

        @Override
        public String toString() {
            return matcher == null ? name : LogSelectorExpr.format(matcher);
        }
    }
}
