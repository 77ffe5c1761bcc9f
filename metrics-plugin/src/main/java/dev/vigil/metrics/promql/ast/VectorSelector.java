package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.LabelMatcher;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An instant vector selector such as {@code http_requests_total{job="api"} offset 5m @ 1609746000}.
 *
 * @param name the metric name written before the braces, or null when there is none
 * @param matchers every matcher, including {@code __name__="name"} when a name was written before the braces
 * @param offset the offset in milliseconds (negative looks ahead); 0 when none
 * @param at the {@code @} modifier, or null when none
 * @param position where it is in the text
 */
public record VectorSelector(@Nullable String name, List<LabelMatcher> matchers, long offset, @Nullable At at,
        PositionRange position) implements Expr {

    /** Checks and copies. */
    public VectorSelector {
        matchers = List.copyOf(matchers);
        requireNonNull(position, "position is null");
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }
}
