package dev.vigil.logging.redact;

import dev.vigil.api.metrics.Re2Pattern;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A pattern from configuration: every non-empty match is replaced, its groups available to the replacement. */
final class PatternRule implements Detector {

    private final Pattern pattern;
    private final String replacement;
    private final boolean literal;

    /**
     * @param regex RE2 syntax
     * @param replacement the replacement with {@code $1} or {@code ${name}} group references, or, when
     *     {@code literal}, the text itself
     */
    PatternRule(String regex, String replacement, boolean literal) {
        this.pattern = compile(regex);
        this.literal = literal;
        this.replacement = replacement;
    }

    /**
     * Compiles RE2 syntax into a pattern that searches anywhere, with {@code .} matching any character but a line
     * break, as in RE2.
     *
     * @throws IllegalArgumentException if {@code regex} is not valid RE2
     */
    static Pattern compile(String regex) {
        try {
            return Pattern.compile(Re2Pattern.toJavaSyntax(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    @Override
    public void find(String text, Matches out) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return;
        }
        StringBuilder expanded = new StringBuilder();
        int appended = 0;
        do {
            if (m.end() == m.start()) {
                continue;
            }
            if (literal) {
                out.add(m.start(), m.end(), replacement);
            } else {
                // appendReplacement copies the text since the last match, then the expansion: keep only the expansion
                int before = expanded.length() + (m.start() - appended);
                m.appendReplacement(expanded, replacement);
                appended = m.end();
                out.add(m.start(), m.end(), expanded.substring(before));
            }
        } while (m.find());
    }
}
