package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles regular expressions written in the RE2 syntax PromQL uses into Java patterns that match the same
 * strings. The two syntaxes mostly agree; this class rewrites what differs — Go's named groups
 * {@code (?P<name>…)}, POSIX classes such as {@code [[:alpha:]]}, a literal {@code [} or {@code &&} inside a
 * class — and refuses what Java would accept but RE2 does not: look-around, atomic groups, back-references
 * and possessive quantifiers. Patterns are anchored at both ends and {@code .} matches a line break, as in
 * Prometheus.
 */
@Experimental
public final class Re2Pattern {

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
            Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
            Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
            Map.entry("xdigit", "XDigit"));

    private Re2Pattern() {}

    /**
     * The anchored pattern for {@code regex}.
     *
     * @throws IllegalArgumentException if {@code regex} is not a valid RE2 expression; the message says why
     */
    public static Pattern compile(String regex) {
        String java = toJava(regex);
        try {
            return Pattern.compile("^(?:" + java + ")$", Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " in " + quote(regex), e);
        }
    }

    /**
     * The Java syntax for an RE2 expression, neither anchored nor with flags added, for callers that search
     * rather than match whole values (such as the {@code match} and {@code reReplaceAll} template functions).
     *
     * @throws IllegalArgumentException if it uses what RE2 does not support
     */
    public static String toJavaSyntax(String regex) {
        return toJava(regex);
    }

    /**
     * {@code text} with every character that has a meaning in a regular expression escaped, so that the result
     * matches {@code text} literally (Go's {@code regexp.QuoteMeta}).
     */
    public static String quoteMeta(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String toJava(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        int n = regex.length();
        boolean inClass = false;
        int classStart = -1;
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw unsupported("trailing backslash at end of expression", regex);
                }
                char e = regex.charAt(i + 1);
                if (e == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    String literal = end < 0 ? regex.substring(i + 2) : regex.substring(i + 2, end);
                    out.append(inClass ? escapeInClass(literal) : Pattern.quote(literal));
                    i = end < 0 ? n : end + 1;
                    continue;
                }
                if (e >= '1' && e <= '9' && !inClass) {
                    throw unsupported("invalid escape sequence: \\" + e, regex);
                }
                out.append(c).append(e);
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']' && i > classStart) {
                    inClass = false;
                    out.append(c);
                } else if (c == '[' && i + 1 < n && regex.charAt(i + 1) == ':') {
                    int end = regex.indexOf(":]", i + 2);
                    if (end < 0) {
                        out.append("\\[");
                        continue;
                    }
                    String name = regex.substring(i + 2, end);
                    boolean negated = name.startsWith("^");
                    String javaName = POSIX_CLASSES.get(negated ? name.substring(1) : name);
                    if (javaName == null && !(negated ? name.substring(1) : name).equals("word")) {
                        throw unsupported("invalid character class range: [:" + name + ":]", regex);
                    }
                    if (javaName == null) {
                        out.append(negated ? "\\W" : "\\w");
                    } else {
                        out.append(negated ? "\\P{" : "\\p{").append(javaName).append('}');
                    }
                    i = end + 1;
                } else if (c == '[' || (c == ']' && i == classStart)) {
                    out.append('\\').append(c);
                } else if (c == '&' && i + 1 < n && regex.charAt(i + 1) == '&') {
                    out.append("&\\&");
                    i++;
                } else {
                    out.append(c);
                }
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append(c);
                    classStart = i + 1;
                    if (classStart < n && regex.charAt(classStart) == '^') {
                        out.append('^');
                        i++;
                        classStart++;
                    }
                }
                case '(' -> {
                    if (regex.startsWith("(?P<", i)) {
                        out.append("(?<");
                        i += 3;
                    } else if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i) || regex.startsWith("(?<=", i)
                            || regex.startsWith("(?<!", i) || regex.startsWith("(?>", i)) {
                        throw unsupported("invalid or unsupported Perl syntax: `" + regex.substring(i, Math.min(n, i + 3)) + "`", regex);
                    } else {
                        out.append(c);
                    }
                }
                case '*', '+', '?', '}' -> {
                    out.append(c);
                    if (i + 1 < n && regex.charAt(i + 1) == '+') {
                        throw unsupported("invalid nested repetition operator: `" + c + "+`", regex);
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escapeInClass(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if ("\\[]^-&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static IllegalArgumentException unsupported(String why, String regex) {
        return new IllegalArgumentException(why + " in " + quote(regex));
    }

    private static String quote(String regex) {
        return '"' + regex.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
