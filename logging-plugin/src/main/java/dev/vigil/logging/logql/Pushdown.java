package dev.vigil.logging.logql;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a store can check itself into a {@link LogFilter}, so that it can skip data: the time range, the stream
 * matchers (as conditions on the resource attributes the stream labels come from) and the line filters that come
 * before any stage that changes the line. The filter never drops a record the query would keep; the engine still
 * runs the whole selector and pipeline on what the store returns. Stateless and thread-safe.
 */
final class Pushdown {

    private Pushdown() {}

    /**
     * The filter for {@code selector} from {@code from} (inclusive) to {@code to} (exclusive); empty when no record
     * can match (a matcher on a label no stream has that does not accept the empty value).
     */
    static Optional<LogFilter> filter(LogSelectorExpr selector, Instant from, Instant to) {
        LogFilter filter = LogFilter.between(from, to);
        for (LabelMatcher matcher : selector.matchers()) {
            Optional<String> attribute = OtlpLabels.attributeOf(matcher.name());
            if (attribute.isEmpty()) {
                if (!matcher.matches("")) {
                    return Optional.empty();
                }
                continue;
            }
            if (matcher.name().equals(OtlpLabels.SERVICE_NAME)
                    && matcher.matches(LogRecord.UNKNOWN_SERVICE) && !matcher.matches("")) {
                // Records without service.name are in unknown_service; a condition on the attribute would lose them.
                continue;
            }
            filter = filter.withResource(LabelMatcher.of(matcher.type(), attribute.get(), matcher.value()));
        }
        List<LineFilter> lines = new ArrayList<>();
        for (Stage stage : selector.stages()) {
            if (stage instanceof Stage.LineFormatStage || stage instanceof Stage.DecolorizeStage) {
                break;
            }
            if (stage instanceof Stage.LineFilterStage lineFilter) {
                lines.addAll(lineFilters(lineFilter));
            }
        }
        return Optional.of(filter.withLines(lines.toArray(new LineFilter[0])));
    }

    /** The store's filters for one stage: one per value, or one alternation for {@code |= "a" or "b"}. */
    private static List<LineFilter> lineFilters(Stage.LineFilterStage stage) {
        List<String> values = stage.values();
        List<LineFilter> out = new ArrayList<>();
        switch (stage.type()) {
            case NOT_CONTAINS, NOT_REGEX -> {
                for (String value : values) {
                    out.add(LineFilter.of(stage.type(), value));
                }
            }
            case CONTAINS -> {
                if (values.size() == 1) {
                    out.add(LineFilter.contains(values.get(0)));
                } else {
                    List<String> quoted = new ArrayList<>();
                    for (String value : values) {
                        quoted.add(quoteRegex(value));
                    }
                    out.add(LineFilter.regex(String.join("|", quoted)));
                }
            }
            case REGEX -> {
                if (values.size() == 1) {
                    out.add(LineFilter.regex(values.get(0)));
                } else {
                    List<String> groups = new ArrayList<>();
                    for (String value : values) {
                        groups.add("(?:" + value + ")");
                    }
                    out.add(LineFilter.regex(String.join("|", groups)));
                }
            }
        }
        return out;
    }

    /** {@code text} as an RE2 expression that matches it literally. */
    static String quoteRegex(String text) {
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
}
