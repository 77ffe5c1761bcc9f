package dev.vigil.tracing.zipkin;

import static dev.vigil.tracing.zipkin.ZipkinConventions.ERROR_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.LEGACY_SCOPE_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.SCOPE_TAG;
import static dev.vigil.tracing.zipkin.ZipkinConventions.STATUS_CODE_TAG;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.api.traces.TraceSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code annotationQuery} of Zipkin's trace search: terms joined by {@code " and "}, each {@code key=value} (a tag
 * with that value) or a bare {@code key} (a tag of that name, or an annotation with that value). One span must meet
 * every term, as it must meet the search's other conditions.
 *
 * <p>A span's tags here are what {@link ZipkinSpanWriter} writes as its tags and endpoints: its attributes and its
 * resource's, its status ({@code error}, {@code otel.status_code}) and its scope ({@code otel.scope.name}). The terms a
 * {@link TraceSearch} can express are handed to the store ({@link #narrow}): {@code key=value} on an attribute becomes
 * an attribute condition and a bare {@code error} takes failed spans only; {@link #test} checks every term on the
 * spans of the traces found. Immutable.
 */
final class AnnotationQuery {

    /** Tags that stand for a part of the span other than its attributes. */
    private static final Set<String> DERIVED_TAGS = Set.of(ERROR_TAG, STATUS_CODE_TAG, SCOPE_TAG, LEGACY_SCOPE_TAG);

    private final Map<String, String> terms;

    private AnnotationQuery(Map<String, String> terms) {
        this.terms = terms;
    }

    /** The terms of {@code text}, or none for null or blank text; a {@code key=} term counts as a bare key. */
    static AnnotationQuery parse(@Nullable String text) {
        Map<String, String> terms = new LinkedHashMap<>();
        if (text != null) {
            for (String term : text.split(" and ")) {
                int equals = term.indexOf('=');
                String key = (equals < 0 ? term : term.substring(0, equals)).trim();
                if (!key.isEmpty()) {
                    terms.put(key, equals < 0 ? "" : term.substring(equals + 1).trim());
                }
            }
        }
        return new AnnotationQuery(terms);
    }

    /** Whether there is no term. */
    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** {@code search} with the conditions the store can check for these terms. */
    TraceSearch narrow(TraceSearch search) {
        List<LabelMatcher> matchers = new ArrayList<>(search.attributes());
        boolean errorsOnly = false;
        for (Map.Entry<String, String> term : terms.entrySet()) {
            if (term.getKey().equals(ERROR_TAG)) {
                errorsOnly = true;
            } else if (!term.getValue().isEmpty() && !DERIVED_TAGS.contains(term.getKey())) {
                matchers.add(LabelMatcher.equal(term.getKey(), term.getValue()));
            }
        }
        TraceSearch narrowed = search.withAttributes(matchers);
        return errorsOnly ? narrowed.withErrorsOnly() : narrowed;
    }

    /** Whether {@code span} meets every term. */
    boolean test(SpanRecord span) {
        for (Map.Entry<String, String> term : terms.entrySet()) {
            String value = tag(span, term.getKey());
            if (term.getValue().isEmpty()) {
                if (value == null && !hasEvent(span, term.getKey())) {
                    return false;
                }
            } else if (!term.getValue().equals(value)) {
                return false;
            }
        }
        return true;
    }

    /** The value of tag {@code key} on {@code span} as Zipkin shows it, or null when it has none. */
    private static @Nullable String tag(SpanRecord span, String key) {
        switch (key) {
            case ERROR_TAG -> {
                return span.status().isError() ? span.status().message() : null;
            }
            case STATUS_CODE_TAG -> {
                SpanStatus.Code code = span.status().code();
                if (code != SpanStatus.Code.UNSET) {
                    return code.name();
                }
            }
            case SCOPE_TAG, LEGACY_SCOPE_TAG -> {
                if (!span.scope().isEmpty()) {
                    return span.scope();
                }
            }
            default -> { }
        }
        String value = span.attributes().get(key);
        return value != null ? value : span.resource().get(key);
    }

    private static boolean hasEvent(SpanRecord span, String name) {
        for (SpanRecord.Event event : span.events()) {
            if (event.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
