package dev.vigil.metrics.promql.conformance;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an error or annotation is expected to say: exactly {@code message}, something {@code regex} finds, or
 * anything when both are null ({@code expect warn} with no text).
 *
 * @param message the exact text, or null
 * @param regex a pattern to find in the text, or null
 */
record Expectation(@Nullable String message, @Nullable Pattern regex) {

    /** Matches any text. */
    static final Expectation ANY = new Expectation(null, null);

    /** Exactly {@code message}. */
    static Expectation message(String message) {
        return new Expectation(message, null);
    }

    /** Text in which {@code regex} finds a match. */
    static Expectation regex(String regex) {
        return new Expectation(null, Pattern.compile(regex));
    }

    /** Whether {@code text} is as expected. */
    boolean matches(String text) {
        if (message != null) {
            return message.equals(text);
        }
        return regex == null || regex.matcher(text).find();
    }

    @Override
    public String toString() {
        if (message != null) {
            return "\"" + message + "\"";
        }
        return regex == null ? "any text" : "/" + regex.pattern() + "/";
    }
}
