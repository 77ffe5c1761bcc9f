package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.NumberLiteral;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates a syntax tree over a grid of times, node by node: each node produces its value at every step at
 * once, series by series, instead of the tree being walked again for each step. One evaluator serves one
 * query; not thread-safe.
 */
final class Evaluator {

    private final Execution execution;
    private final QueryTimes times;
    private final Selections selections;
    private final SeriesReader reader;
    private final StepInvariance invariance = new StepInvariance();
    private final InstantSelectors instantSelectors = new InstantSelectors(this);
    private final RangeEvaluator ranges = new RangeEvaluator(this);
    private final BinaryOperators binary = new BinaryOperators(this);
    private final Aggregations aggregations = new Aggregations(this);
    private final Functions functions = new Functions(this);

    Evaluator(Execution execution, QueryTimes times, Selections selections) {
        this.execution = execution;
        this.times = times;
        this.selections = selections;
        this.reader = new SeriesReader(execution);
    }

    Execution execution() {
        return execution;
    }

    QueryTimes times() {
        return times;
    }

    Selections selections() {
        return selections;
    }

    SeriesReader reader() {
        return reader;
    }

    InstantSelectors instantSelectors() {
        return instantSelectors;
    }

    RangeEvaluator ranges() {
        return ranges;
    }

    /**
     * The value of {@code expr} at every step of {@code grid}. What the node's inputs held is released once its
     * own value is counted against the query's sample limit.
     */
    StepValue eval(Expr expr, Grid grid) {
        execution.checkpoint();
        long before = execution.held();
        StepValue value;
        if (grid.count() > 1 && invariance.test(expr)) {
            value = broadcast(evalNode(expr, grid.first()), grid.count());
        } else {
            value = evalNode(expr, grid);
        }
        execution.holdExactly(before + value.samples());
        return value;
    }

    /** The value of a scalar expression at every step. */
    StepValue.Scalar scalar(Expr expr, Grid grid) {
        StepValue value = eval(expr, grid);
        if (value instanceof StepValue.Scalar s) {
            return s;
        }
        throw new PromqlException(ErrorType.BAD_DATA,
                "expected a scalar, got " + expr.type().description());
    }

    /** The value of an instant-vector expression at every step. */
    StepValue.Vector vector(Expr expr, Grid grid) {
        StepValue value = eval(expr, grid);
        if (value instanceof StepValue.Vector v) {
            return v;
        }
        throw new PromqlException(ErrorType.BAD_DATA,
                "expected an instant vector, got " + expr.type().description());
    }

    private StepValue evalNode(Expr expr, Grid grid) {
        if (expr instanceof NumberLiteral n) {
            double[] values = new double[grid.count()];
            Arrays.fill(values, n.value());
            return new StepValue.Scalar(values);
        }
        if (expr instanceof StringLiteral s) {
            return new StepValue.Text(s.value());
        }
        if (expr instanceof ParenExpr p) {
            return eval(p.expr(), grid);
        }
        if (expr instanceof UnaryExpr u) {
            return unary(u, grid);
        }
        if (expr instanceof VectorSelector vs) {
            return instantSelectors.values(vs, grid);
        }
        if (expr instanceof MatrixSelector || expr instanceof SubqueryExpr) {
            return ranges.matrix(expr, grid);
        }
        if (expr instanceof BinaryExpr b) {
            return binary.eval(b, grid);
        }
        if (expr instanceof AggregateExpr a) {
            return aggregations.eval(a, grid);
        }
        if (expr instanceof Call c) {
            return functions.eval(c, grid);
        }
        throw new IllegalArgumentException("unknown expression " + expr);
    }

    private StepValue unary(UnaryExpr u, Grid grid) {
        StepValue value = eval(u.expr(), grid);
        if (!u.negate()) {
            return value;
        }
        if (value instanceof StepValue.Scalar s) {
            double[] v = s.values();
            for (int k = 0; k < v.length; k++) {
                v[k] = -v[k];
            }
            return s;
        }
        List<StepSeries> series = ((StepValue.Vector) value).series();
        List<StepSeries> out = new ArrayList<>(series.size());
        for (StepSeries s : series) {
            double[] v = s.values();
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k])) {
                    v[k] = -v[k];
                }
            }
            out.add(s.withoutName());
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    private static StepValue broadcast(StepValue value, int count) {
        if (value instanceof StepValue.Scalar s) {
            double[] values = new double[count];
            Arrays.fill(values, s.values().length == 0 ? Steps.ABSENT : s.values()[0]);
            return new StepValue.Scalar(values);
        }
        if (value instanceof StepValue.Vector v) {
            List<StepSeries> out = new ArrayList<>(v.series().size());
            for (StepSeries s : v.series()) {
                double[] values = new double[count];
                Arrays.fill(values, s.values()[0]);
                out.add(new StepSeries(s.labels(), values));
            }
            return new StepValue.Vector(out);
        }
        return value;
    }
}
