package dev.vigil.alerting.template;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The compiled form of the last regular expression used at one call site ({@code match}, {@code reReplaceAll}),
 * so that executing a template compiles nothing when its patterns do not change. Thread-safe: a race at worst
 * compiles a pattern twice.
 */
final class RegexCache {

    private record Entry(String source, Pattern pattern) {}

    private volatile @Nullable Entry last;

    /**
     * The pattern for {@code source}, compiled with Go's unanchored semantics.
     *
     * @throws IllegalArgumentException if {@code source} is not a valid RE2 expression
     */
    Pattern get(String source) {
        Entry entry = last;
        if (entry != null && entry.source.equals(source)) {
            return entry.pattern;
        }
        Pattern pattern = GoRegex.compile(source);
        last = new Entry(source, pattern);
        return pattern;
    }
}
