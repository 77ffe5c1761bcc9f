package dev.vigil.metrics.promql.conformance;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.parser.PromqlParseException;
import dev.vigil.metrics.promql.parser.PromqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which cases need native histograms, which Vigil's engine does not handle yet. A case is
 * unsupported when, and only when:
 * <ol>
 *   <li>a value it expects is a native histogram literal ({@code {{...}}}); or</li>
 *   <li>a selector of its expression matches a series that has native histogram samples in the data loaded
 *       since the last {@code clear}: a series with a {@code {{...}}} value, or one that {@code load_with_nhcb}
 *       derives from a classic histogram (the {@code _bucket}, {@code _count} and {@code _sum} series without
 *       {@code le} and under the base name). The selectors are taken from the parsed expression and matched
 *       with their own matchers, so a query of the classic float series of a {@code load_with_nhcb} block
 *       stays a supported case.</li>
 * </ol>
 * An expression that does not parse reads nothing, so it stays supported. Stateless.
 */
final class NativeHistogramCases {

    private static final Set<String> CLASSIC_SUFFIXES = Set.of("_bucket", "_count", "_sum");

    private NativeHistogramCases() {}

    /**
     * The native histogram series a load adds: the series with a histogram literal, and for
     * {@code load_with_nhcb} the series it derives from classic histograms.
     */
    static List<Labels> nativeSeries(LoadCommand load) {
        List<Labels> result = new ArrayList<>();
        for (SeriesLine series : load.effectiveSeries()) {
            if (series.hasHistogram()) {
                result.add(series.labels());
            }
            if (load.withNhcb()) {
                String name = series.labels().metricName();
                for (String suffix : CLASSIC_SUFFIXES) {
                    if (name.endsWith(suffix) && name.length() > suffix.length()) {
                        result.add(series.labels().toBuilder().remove("le")
                                .set(Labels.METRIC_NAME, name.substring(0, name.length() - suffix.length())).build());
                    }
                }
            }
        }
        return result;
    }

    /** Why {@code eval} is unsupported, or null when it is supported. */
    static @Nullable String reason(EvalCommand eval, List<Labels> nativeSeries) {
        if (eval.expected().histogram()) {
            return "expects native histogram values";
        }
        if (nativeSeries.isEmpty()) {
            return null;
        }
        List<VectorSelector> selectors = new ArrayList<>();
        try {
            collect(PromqlParser.parse(eval.expression()), selectors);
        } catch (PromqlParseException e) {
            return null;
        }
        for (VectorSelector selector : selectors) {
            for (Labels series : nativeSeries) {
                if (matchesAll(selector.matchers(), series)) {
                    return "reads native histogram series " + series;
                }
            }
        }
        return null;
    }

    private static boolean matchesAll(List<LabelMatcher> matchers, Labels series) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(series)) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Expr expr, List<VectorSelector> into) {
        if (expr instanceof VectorSelector selector) {
            into.add(selector);
        } else if (expr instanceof MatrixSelector matrix) {
            into.add(matrix.selector());
        } else if (expr instanceof SubqueryExpr subquery) {
            collect(subquery.expr(), into);
        } else if (expr instanceof ParenExpr paren) {
            collect(paren.expr(), into);
        } else if (expr instanceof UnaryExpr unary) {
            collect(unary.expr(), into);
        } else if (expr instanceof BinaryExpr binary) {
            collect(binary.lhs(), into);
            collect(binary.rhs(), into);
        } else if (expr instanceof AggregateExpr aggregate) {
            collect(aggregate.expr(), into);
            if (aggregate.param() != null) {
                collect(aggregate.param(), into);
            }
        } else if (expr instanceof Call call) {
            call.args().forEach(arg -> collect(arg, into));
        }
    }
}
