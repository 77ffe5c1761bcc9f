package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A condition on one label, as in a PromQL selector {@code {job=~"api|web"}}. A series without the label is
 * matched as if its value were {@code ""}. Regular expressions use RE2 syntax ({@link Re2Pattern}), are
 * anchored at both ends and {@code .} matches a line break too, as in Prometheus. Immutable and thread-safe.
 */
public final class LabelMatcher {

    /** How the value is compared. */
    public enum Type {
        /** {@code =}: the value equals. */
        EQUAL("="),
        /** {@code !=}: the value differs. */
        NOT_EQUAL("!="),
        /** {@code =~}: the value matches the regular expression. */
        REGEX("=~"),
        /** {@code !~}: the value does not match the regular expression. */
        NOT_REGEX("!~");

        private final String operator;

        Type(String operator) {
            this.operator = operator;
        }

        /** The operator as written in PromQL. */
        public String operator() {
            return operator;
        }
    }

    private final Type type;
    private final String name;
    private final String value;
    private final @Nullable Pattern pattern;

    private LabelMatcher(Type type, String name, String value) {
        this.type = requireNonNull(type, "type is null");
        this.name = requireNonNull(name, "name is null");
        this.value = requireNonNull(value, "value is null");
        if (type == Type.REGEX || type == Type.NOT_REGEX) {
            try {
                this.pattern = Re2Pattern.compile(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid regular expression for label " + name + ": " + e.getMessage(), e);
            }
        } else {
            this.pattern = null;
        }
    }

    /**
     * A matcher of the given type.
     *
     * @throws IllegalArgumentException if {@code type} is a regex type and {@code value} is not a valid one
     */
    public static LabelMatcher of(Type type, String name, String value) {
        return new LabelMatcher(type, name, value);
    }

    /** {@code name="value"}. */
    public static LabelMatcher equal(String name, String value) {
        return new LabelMatcher(Type.EQUAL, name, value);
    }

    /** {@code name!="value"}. */
    public static LabelMatcher notEqual(String name, String value) {
        return new LabelMatcher(Type.NOT_EQUAL, name, value);
    }

    /** {@code name=~"regex"}. */
    public static LabelMatcher regex(String name, String regex) {
        return new LabelMatcher(Type.REGEX, name, regex);
    }

    /** {@code name!~"regex"}. */
    public static LabelMatcher notRegex(String name, String regex) {
        return new LabelMatcher(Type.NOT_REGEX, name, regex);
    }

    /** {@code __name__="metric"}. */
    public static LabelMatcher metricName(String metric) {
        return equal(Labels.METRIC_NAME, metric);
    }

    /** The comparison. */
    public Type type() {
        return type;
    }

    /** The label name. */
    public String name() {
        return name;
    }

    /** The value or regular expression, as given. */
    public String value() {
        return value;
    }

    /** Whether a label value ({@code ""} for an absent label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        return switch (type) {
            case EQUAL -> value.equals(labelValue);
            case NOT_EQUAL -> !value.equals(labelValue);
            case REGEX -> requireNonNull(pattern).matcher(labelValue).matches();
            case NOT_REGEX -> !requireNonNull(pattern).matcher(labelValue).matches();
        };
    }

    /** Whether the series {@code labels} satisfies this matcher. */
    public boolean matches(Labels labels) {
        return matches(labels.getOrEmpty(name));
    }

    /** Whether this matcher accepts the empty value, that is, series that lack the label. */
    public boolean matchesEmpty() {
        return matches("");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LabelMatcher m && m.type == type && m.name.equals(name) && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + name.hashCode()) * 31 + value.hashCode();
    }

    /** The matcher as in PromQL, such as {@code job=~"api|web"}. */
    @Override
    public String toString() {
        return name + type.operator + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
