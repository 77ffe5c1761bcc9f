package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.LabelMatcher;
import java.util.List;

/**
 * A log query: a stream selector such as {@code {service_name="api"}} and the pipeline stages after it, such as
 * {@code |= "timeout" | json | status >= 500}.
 *
 * @param matchers the stream selector's matchers, at least one
 * @param stages the pipeline, in order; may be empty
 */
public record LogSelectorExpr(List<LabelMatcher> matchers, List<Stage> stages) implements Expr {

    /** Checks and copies. */
    public LogSelectorExpr {
        matchers = List.copyOf(matchers);
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
    }

    /** This selector with {@code more} stages added. */
    LogSelectorExpr withStages(List<Stage> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Stage> all = new java.util.ArrayList<>(stages);
        all.addAll(more);
        return new LogSelectorExpr(matchers, all);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < matchers.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(format(matchers.get(i)));
        }
        out.append('}');
        for (Stage stage : stages) {
            out.append(' ').append(stage);
        }
        return out.toString();
    }

    /** A matcher as LogQL writes it, such as {@code app=~"api|web"}. */
    static String format(LabelMatcher matcher) {
        return matcher.name() + matcher.type().operator() + GoStrings.quote(matcher.value());
    }
}
