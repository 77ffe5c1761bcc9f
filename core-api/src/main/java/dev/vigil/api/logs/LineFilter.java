package dev.vigil.api.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import dev.vigil.api.metrics.Re2Pattern;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A condition on a record's body, as in LogQL's line filters: {@code |= "text"}, {@code != "text"},
 * {@code |~ "regex"}, {@code !~ "regex"}. Text is matched case-sensitively anywhere in the body; a regular expression
 * uses RE2 syntax and matches anywhere unless anchored. Immutable and thread-safe.
 */
@Experimental
public final class LineFilter {

    /** How the body is tested. */
    public enum Type {
        /** {@code |=}: the body contains the text. */
        CONTAINS("|="),
        /** {@code !=}: the body does not contain the text. */
        NOT_CONTAINS("!="),
        /** {@code |~}: the regular expression matches somewhere in the body. */
        REGEX("|~"),
        /** {@code !~}: the regular expression matches nowhere in the body. */
        NOT_REGEX("!~");

        private final String operator;

        Type(String operator) {
            this.operator = operator;
        }

        /** The operator as written in LogQL. */
        public String operator() {
            return operator;
        }
    }

    private final Type type;
    private final String value;
    private final @Nullable Pattern pattern;

    private LineFilter(Type type, String value) {
        this.type = requireNonNull(type, "type is null");
        this.value = requireNonNull(value, "value is null");
        if (type == Type.REGEX || type == Type.NOT_REGEX) {
            try {
                this.pattern = Pattern.compile(Re2Pattern.toJavaSyntax(value), Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression " + value + ": " + e.getDescription(), e);
            }
        } else {
            this.pattern = null;
        }
    }

    /**
     * A filter of the given type.
     *
     * @throws IllegalArgumentException if a regular expression is not valid RE2
     */
    public static LineFilter of(Type type, String value) {
        return new LineFilter(type, value);
    }

    /** {@code |= text}. */
    public static LineFilter contains(String text) {
        return new LineFilter(Type.CONTAINS, text);
    }

    /** {@code |~ regex}. */
    public static LineFilter regex(String regex) {
        return new LineFilter(Type.REGEX, regex);
    }

    public Type type() {
        return type;
    }

    /** The text or the regular expression as given. */
    public String value() {
        return value;
    }

    /** Whether {@code body} passes. */
    public boolean test(CharSequence body) {
        return switch (type) {
            case CONTAINS -> contains(body, value);
            case NOT_CONTAINS -> !contains(body, value);
            case REGEX -> pattern.matcher(body).find();
            case NOT_REGEX -> !pattern.matcher(body).find();
        };
    }

    private static boolean contains(CharSequence body, String text) {
        return body instanceof String s ? s.contains(text) : body.toString().contains(text);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LineFilter f && f.type == type && f.value.equals(value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + value.hashCode();
    }

    /** As written in LogQL, such as {@code |= "timeout"}. */
    @Override
    public String toString() {
        return type.operator() + " " + quote(value);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
