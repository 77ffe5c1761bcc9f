package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.ValueType;
import dev.vigil.metrics.promql.ast.VectorMatching;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary operators between scalars and vectors. Between two vectors the work goes to {@link SetOperators} or
 * {@link VectorBinary}.
 */
final class BinaryOperators {

    private static final VectorMatching DEFAULT_MATCHING =
            new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, List.of(), false, List.of());
    private static final VectorMatching DEFAULT_SET_MATCHING =
            new VectorMatching(VectorMatching.Cardinality.MANY_TO_MANY, List.of(), false, List.of());

    private final Evaluator evaluator;

    BinaryOperators(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    StepValue eval(BinaryExpr e, Grid grid) {
        boolean lhsVector = e.lhs().type() == ValueType.VECTOR;
        boolean rhsVector = e.rhs().type() == ValueType.VECTOR;
        if (!lhsVector && !rhsVector) {
            double[] l = evaluator.scalar(e.lhs(), grid).values();
            double[] r = evaluator.scalar(e.rhs(), grid).values();
            for (int k = 0; k < l.length; k++) {
                l[k] = Ops.scalar(e.op(), l[k], r[k]);
            }
            return new StepValue.Scalar(l);
        }
        if (lhsVector && rhsVector) {
            StepValue.Vector lhs = evaluator.vector(e.lhs(), grid);
            StepValue.Vector rhs = evaluator.vector(e.rhs(), grid);
            VectorMatching matching = e.matching();
            if (e.op().isSetOperator()) {
                return SetOperators.apply(e.op(), lhs.series(), rhs.series(),
                        matching == null ? DEFAULT_SET_MATCHING : matching);
            }
            return new VectorBinary(e.op(), matching == null ? DEFAULT_MATCHING : matching, e.returnBool(),
                    grid.count(), evaluator.execution()).apply(lhs.series(), rhs.series());
        }
        if (lhsVector) {
            StepValue.Vector lhs = evaluator.vector(e.lhs(), grid);
            double[] rhs = evaluator.scalar(e.rhs(), grid).values();
            return vectorScalar(e.op(), lhs.series(), rhs, false, e.returnBool());
        }
        double[] lhs = evaluator.scalar(e.lhs(), grid).values();
        StepValue.Vector rhs = evaluator.vector(e.rhs(), grid);
        return vectorScalar(e.op(), rhs.series(), lhs, true, e.returnBool());
    }

    /**
     * A vector and a scalar. Arithmetic and {@code bool} comparisons drop the metric name; a filtering
     * comparison keeps the vector's value whichever side the vector is on.
     *
     * @param scalarFirst whether the scalar was written on the left
     */
    private static StepValue.Vector vectorScalar(BinaryOp op, List<StepSeries> vector, double[] scalar,
            boolean scalarFirst, boolean returnBool) {
        boolean arithmetic = Ops.isArithmetic(op);
        boolean dropName = arithmetic || returnBool;
        List<StepSeries> out = new ArrayList<>(vector.size());
        for (StepSeries s : vector) {
            double[] v = s.values();
            boolean any = false;
            for (int k = 0; k < v.length; k++) {
                double x = v[k];
                if (Steps.isAbsent(x)) {
                    continue;
                }
                double c = scalar[k];
                if (arithmetic) {
                    v[k] = scalarFirst ? Ops.arithmetic(op, c, x) : Ops.arithmetic(op, x, c);
                    any = true;
                    continue;
                }
                boolean keep = scalarFirst ? Ops.compare(op, c, x) : Ops.compare(op, x, c);
                if (returnBool) {
                    v[k] = keep ? 1 : 0;
                    any = true;
                } else if (keep) {
                    any = true;
                } else {
                    v[k] = Steps.ABSENT;
                }
            }
            if (any) {
                out.add(dropName ? s.withoutName() : s);
            }
        }
        return new StepValue.Vector(dropName ? SeriesMerger.merge(out) : out);
    }
}
