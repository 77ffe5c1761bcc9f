package dev.vigil.logging.logql;

import dev.vigil.api.logs.LineFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stages of a log query compiled to run line by line: line filters, parsers, label filters,
 * {@code line_format}, {@code drop}/{@code keep} and {@code decolorize}, in the order written. Immutable and
 * thread-safe; the state of a line is in its {@link Line}.
 */
final class Pipeline {

    /** The error of a label filter that cannot read a label as a number, duration or size. */
    static final String LABEL_FILTER_ERROR = "LabelFilterErr";

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[a-zA-Z]");

    /** A line on its way through: its text, which {@code line_format} may replace, and its labels. */
    static final class Line {
        String text;
        final EntryLabels labels;

        Line(String text, EntryLabels labels) {
            this.text = text;
            this.labels = labels;
        }
    }

    @FunctionalInterface
    private interface Step {
        /** Whether the line goes on. */
        boolean apply(Line line);
    }

    private final List<Step> steps;

    private Pipeline(List<Step> steps) {
        this.steps = steps;
    }

    /**
     * Compiles {@code stages}.
     *
     * @throws LogqlException if a stage cannot be built, such as a {@code line_format} template this engine does not
     *     support
     */
    static Pipeline compile(List<Stage> stages) {
        List<Step> steps = new ArrayList<>();
        for (Stage stage : stages) {
            steps.add(step(stage));
        }
        return new Pipeline(List.copyOf(steps));
    }

    /** Runs the line through every stage; false when one drops it. */
    boolean process(Line line) {
        for (Step step : steps) {
            if (!step.apply(line)) {
                return false;
            }
        }
        return true;
    }

    private static Step step(Stage stage) {
        if (stage instanceof Stage.LineFilterStage filter) {
            return lineFilter(filter);
        }
        if (stage instanceof Stage.JsonStage json) {
            JsonFields fields = new JsonFields(json.extractions());
            return line -> {
                fields.parse(line.text, line.labels);
                return true;
            };
        }
        if (stage instanceof Stage.LogfmtStage logfmt) {
            LogfmtFields fields = new LogfmtFields(logfmt.extractions(), logfmt.strict(), logfmt.keepEmpty());
            return line -> {
                fields.parse(line.text, line.labels);
                return true;
            };
        }
        if (stage instanceof Stage.LabelFilterStage filter) {
            LabelPredicate predicate = filter.predicate();
            return line -> test(predicate, line.labels);
        }
        if (stage instanceof Stage.LineFormatStage format) {
            LineTemplate template = LineTemplate.parse(format.template());
            return line -> {
                line.text = template.render(line.text, line.labels);
                return true;
            };
        }
        if (stage instanceof Stage.DropStage drop) {
            List<Stage.NamedMatcher> named = drop.labels();
            boolean keep = drop.keep();
            return line -> {
                line.labels.removeIf((name, value) -> keep != matchesAny(named, name, value));
                return true;
            };
        }
        if (stage instanceof Stage.DecolorizeStage) {
            return line -> {
                line.text = ANSI.matcher(line.text).replaceAll("");
                return true;
            };
        }
        throw new IllegalArgumentException("unknown stage " + stage);
    }

    private static Step lineFilter(Stage.LineFilterStage stage) {
        List<LineFilter> filters = new ArrayList<>();
        for (String value : stage.values()) {
            filters.add(LineFilter.of(stage.type(), value));
        }
        boolean positive = stage.type() == LineFilter.Type.CONTAINS || stage.type() == LineFilter.Type.REGEX;
        if (filters.size() == 1) {
            LineFilter only = filters.get(0);
            return line -> only.test(line.text);
        }
        return line -> {
            for (LineFilter filter : filters) {
                if (filter.test(line.text) == positive) {
                    return positive;
                }
            }
            return !positive;
        };
    }

    private static boolean matchesAny(List<Stage.NamedMatcher> named, String name, String value) {
        for (Stage.NamedMatcher matcher : named) {
            if (matcher.matches(name, value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the labels pass a label filter. As in Loki, a number, duration or size comparison lets a line that has
     * an error already pass (only a string comparison such as {@code __error__=""} can drop it), drops a line
     * without the label, and lets a line whose label cannot be read as the type pass with the error
     * {@code LabelFilterErr}.
     */
    static boolean test(LabelPredicate predicate, EntryLabels labels) {
        if (predicate instanceof LabelPredicate.And and) {
            return test(and.left(), labels) && test(and.right(), labels);
        }
        if (predicate instanceof LabelPredicate.Or or) {
            return test(or.left(), labels) || test(or.right(), labels);
        }
        if (predicate instanceof LabelPredicate.Match match) {
            String value = labels.get(match.matcher().name());
            return match.matcher().matches(value == null ? "" : value);
        }
        if (labels.hasError()) {
            return true;
        }
        if (predicate instanceof LabelPredicate.Numeric numeric) {
            String value = labels.get(numeric.label());
            if (value == null) {
                return false;
            }
            double number;
            try {
                number = GoNumbers.parseFloat(value);
            } catch (IllegalArgumentException e) {
                labels.setError(LABEL_FILTER_ERROR, e.getMessage());
                return true;
            }
            return numeric.op().test(number, numeric.value());
        }
        if (predicate instanceof LabelPredicate.Duration duration) {
            String value = labels.get(duration.label());
            if (value == null) {
                return false;
            }
            long nanos;
            try {
                nanos = Durations.parseGo(value);
            } catch (IllegalArgumentException e) {
                labels.setError(LABEL_FILTER_ERROR, e.getMessage());
                return true;
            }
            return duration.op().test(nanos, duration.nanos());
        }
        LabelPredicate.Bytes bytes = (LabelPredicate.Bytes) predicate;
        String value = labels.get(bytes.label());
        if (value == null) {
            return false;
        }
        long size;
        try {
            size = Durations.parseBytes(value);
        } catch (IllegalArgumentException e) {
            labels.setError(LABEL_FILTER_ERROR, e.getMessage());
            return true;
        }
        return bytes.op().test(size, bytes.bytes());
    }
}
