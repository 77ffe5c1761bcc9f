package dev.vigil.alerting.notify.match;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A conjunction of label matchers, as routes, inhibition rules and silences use them: a label set matches when
 * every matcher does (an absent label counts as {@code ""}). Kept in a canonical order (by name, value, then
 * operator) so that equal sets print alike. Immutable and thread-safe.
 */
public final class Matchers {

    /** No matchers: matches everything. */
    public static final Matchers EMPTY = new Matchers(List.of());

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Comparator<LabelMatcher> ORDER = Comparator.comparing(LabelMatcher::name)
            .thenComparing(LabelMatcher::value)
            .thenComparing(LabelMatcher::type);

    private final List<LabelMatcher> matchers;

    private Matchers(List<LabelMatcher> matchers) {
        this.matchers = matchers;
    }

    /** The conjunction of {@code matchers}. */
    public static Matchers of(Collection<LabelMatcher> matchers) {
        List<LabelMatcher> sorted = new ArrayList<>(matchers);
        sorted.forEach(m -> requireNonNull(m, "matcher is null"));
        sorted.sort(ORDER);
        return sorted.isEmpty() ? EMPTY : new Matchers(List.copyOf(sorted));
    }

    /**
     * Parses matchers in Alertmanager's syntax: one or more comma-separated {@code name op value}, optionally in
     * braces, such as {@code severity="critical"} or {@code {job=~"api|web", env!="dev"}}. The operator is one of
     * {@code = != =~ !~}; the value may be unquoted or double-quoted with {@code \"}, {@code \\} and {@code \n}
     * escapes; a name that is not a plain label name is double-quoted. Regular expressions are RE2, anchored.
     *
     * @throws IllegalArgumentException if {@code text} is not valid; the message says what is wrong
     */
    public static Matchers parse(String text) {
        return of(new MatcherParser(text).parse());
    }

    /** These matchers and {@code other}'s. */
    public Matchers and(Matchers other) {
        List<LabelMatcher> all = new ArrayList<>(matchers);
        all.addAll(other.matchers);
        return of(all);
    }

    /** Whether every matcher accepts {@code labels}. */
    public boolean matches(Labels labels) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The matchers, in canonical order. */
    public List<LabelMatcher> list() {
        return matchers;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return matchers.isEmpty();
    }

    /** Whether every matcher accepts the empty value, so that the set matches an alert without any of the labels. */
    public boolean allMatchEmpty() {
        return matchers.stream().allMatch(LabelMatcher::matchesEmpty);
    }

    /** Each matcher in Alertmanager's syntax, such as {@code job=~"api|web"}; {@link #parse} reads them back. */
    public List<String> texts() {
        return matchers.stream().map(Matchers::format).toList();
    }

    /** One matcher in Alertmanager's syntax, the value always quoted. */
    public static String format(LabelMatcher m) {
        String name = PLAIN_NAME.matcher(m.name()).matches() ? m.name() : quote(m.name());
        return name + m.type().operator() + quote(m.value());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Matchers other && other.matchers.equals(matchers);
    }

    @Override
    public int hashCode() {
        return matchers.hashCode();
    }

    /** The matchers as Alertmanager prints them in route keys: {@code {a="1",b=~"x"}}. */
    @Override
    public String toString() {
        return "{" + String.join(",", texts()) + "}";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
