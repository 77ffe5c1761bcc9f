package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Replaces environment variable references in a string value: {@code ${NAME}} by the variable's value,
 * {@code ${NAME:-default}} by the default when the variable is unset or empty, and <code>$${</code> by a
 * literal <code>${</code>. The replacement is not scanned again, so a value can never pull in further references.
 */
final class EnvSubstitution {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String DEFAULT_SEPARATOR = ":-";

    private final Map<String, String> env;

    EnvSubstitution(Map<String, String> env) {
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
    }

    /**
     * The value of {@code text} with every reference replaced. Each reference that cannot be replaced is
     * reported to {@code problems} as a reason and replaced by nothing.
     */
    String substitute(String text, Consumer<String> problems) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        int at = 0;
        while (at < text.length()) {
            if (text.startsWith("$${", at)) {
                result.append("${");
                at += 3;
            } else if (text.startsWith("${", at)) {
                int end = text.indexOf('}', at + 2);
                if (end < 0) {
                    problems.accept("unclosed \"${\" (write \"$${\" for a literal \"${\")");
                    return result.toString();
                }
                result.append(resolve(text.substring(at, end + 1), problems));
                at = end + 1;
            } else {
                result.append(text.charAt(at));
                at++;
            }
        }
        return result.toString();
    }

    private String resolve(String reference, Consumer<String> problems) {
        String body = reference.substring(2, reference.length() - 1);
        int separator = body.indexOf(DEFAULT_SEPARATOR);
        String name = separator < 0 ? body : body.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            problems.accept("invalid reference " + Quoting.quote(reference)
                    + " (expected ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_')");
            return "";
        }
        String value = env.get(name);
        if (separator >= 0) {
            return value == null || value.isEmpty() ? body.substring(separator + DEFAULT_SEPARATOR.length()) : value;
        }
        if (value == null) {
            problems.accept("environment variable " + name + " is not set (use ${" + name + ":-default} for a default)");
            return "";
        }
        return value;
    }
}
